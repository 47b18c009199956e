// Without libFuzzer (GCC builds, ctest): runs a fuzz target over its seed corpus and a fixed
// number of deterministic mutations of it (truncations, byte flips, insertions, splices), so
// every test run exercises each loader with broken input under the sanitizers.
//
// Usage: fuzz_smoke_X [--mutations N] FILE_OR_DIR...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr std::size_t kMaxSeedBytes = 64 * 1024;

void run(const std::string& input)
{
    // A copy in its own allocation, so ASan sees reads past the end of exactly this input.
    std::vector<std::uint8_t> copy(input.begin(), input.end());
    LLVMFuzzerTestOneInput(copy.data(), copy.size());
}

std::string mutate(const std::string& seed, const std::vector<std::string>& seeds, std::mt19937& rng)
{
    std::string s = seed;
    auto pick = [&](std::size_t n) { return n == 0 ? std::size_t{0} : std::size_t(rng() % n); };
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
        switch (rng() % 6) {
        case 0: // truncate
            s.resize(pick(s.size() + 1));
            break;
        case 1: // flip a byte
            if (!s.empty())
                s[pick(s.size())] = static_cast<char>(rng());
            break;
        case 2: { // insert a token that parsers care about
            static const std::string_view tokens[] = {"[", "]", "{", "}", "\"", ",", ":", "-1", "1e308",
                "99999999999999999999", "\xff", std::string_view("\0", 1), "\n", "null", "==>", " [001] ",
                "prev_state=D"};
            const std::string token(tokens[rng() % std::size(tokens)]);
            s.insert(pick(s.size() + 1), token);
            break;
        }
        case 3: { // delete a chunk
            const auto at = pick(s.size() + 1);
            s.erase(at, pick(64));
            break;
        }
        case 4: { // duplicate a chunk
            const auto at = pick(s.size() + 1);
            const std::string chunk = s.substr(at, pick(256));
            s.insert(pick(s.size() + 1), chunk);
            break;
        }
        default: { // splice with another seed
            const std::string& other = seeds[pick(seeds.size())];
            s = s.substr(0, pick(s.size() + 1)) + other.substr(pick(other.size() + 1));
            break;
        }
        }
    }
    return s;
}

void collect(const std::filesystem::path& path, std::vector<std::string>& seeds)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(path, ec))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // the same order, so the same mutations, every run
        for (const auto& f : files)
            collect(f, seeds);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(kMaxSeedBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.gcount() > 0 || fs::is_regular_file(path, ec))
        seeds.push_back(std::move(text));
}

} // namespace

int main(int argc, char** argv)
{
    long mutations = 2000;
    std::vector<std::string> seeds;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mutations" && i + 1 < argc)
            mutations = std::strtol(argv[++i], nullptr, 10);
        else
            collect(a, seeds);
    }
    if (seeds.empty()) {
        std::fprintf(stderr, "fuzz smoke: no seed files found\n");
        return 1;
    }
    seeds.emplace_back(); // the empty input
    for (const auto& seed : seeds)
        run(seed);
    std::mt19937 rng(20261202);
    for (long i = 0; i < mutations; ++i)
        run(mutate(seeds[i % static_cast<long>(seeds.size())], seeds, rng));
    std::printf("fuzz smoke: %zu seeds and %ld mutations, no crash\n", seeds.size(), mutations);
    return 0;
}
