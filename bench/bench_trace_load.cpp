// Loading native traces: a fixed-seed simulated workload (RR, quantum 4, 2 CPUs, 10,000
// processes of 1-20-tick CPU bursts with an I/O of 1-10 ticks after a third of them) is simulated
// until it has recorded EVENTS events (state changes + CPU records), written with
// writeTraceJson() to a temporary file, and then read back RUNS times by a bare nlohmann SAX parse
// (a handler that does nothing) and by readNativeTrace(). Each measurement runs in a fresh
// process so that its peak RSS is its own. Prints medians.
// usage: bench_trace_load [events] [runs] [--keep]   (--keep: leave the trace file for profiling)
//        bench_trace_load --measure sax|load|cancel FILE   (one measurement, used by the above)
#include "core/io/json_error.h"
#include "core/io/trace_json_reader.h"
#include "core/io/trace_json_writer.h"
#include "core/ostep/py_random.h"
#include "core/sim/simulator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace procscope;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process: on a shared machine, what the work cost regardless of waiting.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

long statusKb(const char* key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(key, 0) == 0)
            return std::atol(line.c_str() + std::string(key).size());
    return 0;
}

std::size_t eventCount(const Trace& t)
{
    std::size_t n = t.stateChangeCount();
    for (int c = 0; c < t.cpuCount(); ++c)
        n += t.cpu(c).size();
    return n;
}

Workload makeWorkload(std::size_t events)
{
    ostep::PyRandom rng(20261202);
    Workload w;
    w.name = "bench";
    w.machine.cpus = 2;
    w.policy.kind = PolicyKind::RoundRobin;
    w.policy.quantum = 4;
    w.tickLimit = kForever / 2;
    const int processes = 10'000;
    // About 9 events per burst; twice what is needed, so that nobody finishes early.
    const std::size_t bursts = 2 * events / processes / 9 + 10;
    for (int i = 0; i < processes; ++i) {
        ProcessSpec p;
        p.pid = i;
        p.name = "P" + std::to_string(i);
        p.arrival = rng.randint(0, 100);
        for (std::size_t b = 0; b < bursts; ++b) {
            p.program.push_back(Op::cpu(rng.randint(1, 20)));
            if (rng.random() < 0.33)
                p.program.push_back(Op::io(rng.randint(1, 10)));
        }
        w.processes.push_back(std::move(p));
    }
    return w;
}

// Does nothing with what nlohmann's SAX parser reports: the cost of parsing alone.
struct NullHandler {
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(nlohmann::json::number_integer_t) { return true; }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool key(std::string&) { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) { return false; }
};

// One measurement in this process; prints "ms cpuMs hwmDeltaKb hwmKb bytes events extra".
int measure(const std::string& mode, const std::string& path)
{
    std::string text;
    if (const auto error = readTextFile(path, text, kMaxTraceFileBytes)) {
        std::fprintf(stderr, "%s\n", error->toString().c_str());
        return 1;
    }
    const long hwmBefore = statusKb("VmHWM:");
    std::size_t bytes = 0, events = 0;
    double extra = 0;
    const double cpuStart = cpuMs();
    const auto start = Clock::now();
    if (mode == "sax") {
        NullHandler handler;
        if (!nlohmann::json::sax_parse(text, &handler)) {
            std::fprintf(stderr, "SAX parse failed\n");
            return 1;
        }
    } else {
        TraceLoadOptions options;
        Clock::time_point cancelledAt;
        int calls = 0;
        options.progress = [&](std::uint64_t done, std::uint64_t total) {
            ++calls;
            if (mode == "cancel" && done >= total / 2) {
                cancelledAt = Clock::now();
                return false;
            }
            return true;
        };
        const auto result = readNativeTrace(text, path, options);
        if (mode == "cancel") {
            extra = std::chrono::duration<double, std::milli>(Clock::now() - cancelledAt).count();
            if (!std::holds_alternative<LoadError>(result) || !std::get<LoadError>(result).cancelled) {
                std::fprintf(stderr, "cancel did not cancel\n");
                return 1;
            }
        } else if (const auto* error = std::get_if<LoadError>(&result)) {
            std::fprintf(stderr, "%s\n", error->toString().c_str());
            return 1;
        } else {
            const Trace& t = std::get<LoadedTrace>(result).trace;
            bytes = t.bytes();
            events = eventCount(t);
            extra = calls;
        }
    }
    const double ms = msSince(start);
    const double cpu = cpuMs() - cpuStart;
    const long hwmAfter = statusKb("VmHWM:");
    std::printf(
        "%.3f %.3f %ld %ld %zu %zu %.3f\n", ms, cpu, hwmAfter - hwmBefore, hwmAfter, bytes, events, extra);
    return 0;
}

struct Sample {
    double ms = 0, cpuMs = 0, extra = 0;
    long hwmDeltaKb = 0, hwmKb = 0;
    std::size_t bytes = 0, events = 0;
};

Sample runChild(const char* self, const char* mode, const std::string& path)
{
    const std::string command = std::string("'") + self + "' --measure " + mode + " '" + path + "'";
    Sample s;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        if (std::fscanf(pipe, "%lf %lf %ld %ld %zu %zu %lf", &s.ms, &s.cpuMs, &s.hwmDeltaKb, &s.hwmKb,
                &s.bytes, &s.events, &s.extra) != 7)
            std::fprintf(stderr, "%s: no result\n", command.c_str());
        pclose(pipe);
    }
    return s;
}

template <typename F>
double median(std::vector<Sample> samples, F&& field)
{
    std::vector<double> v;
    for (const Sample& s : samples)
        v.push_back(static_cast<double>(field(s)));
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 4 && std::string(argv[1]) == "--measure")
        return measure(argv[2], argv[3]);
    const std::size_t target = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;

    const auto genStart = Clock::now();
    std::string text;
    std::size_t events = 0, processes = 0;
    {
        Simulator sim(makeWorkload(target));
        for (Tick t = 1000; eventCount(sim.trace()) < target && !sim.finished(); t += 1000)
            sim.advanceTo(t);
        events = eventCount(sim.trace());
        processes = sim.trace().processCount();
        text = writeTraceJson(sim.trace());
    }
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("procscope-bench-" + std::to_string(target) + ".trace.json"))
                                 .string();
    std::ofstream(path, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
    const double fileMb = static_cast<double>(text.size()) / 1e6;
    std::printf("%zu events (%zu processes, 2 CPUs), %.1f MB file %s, simulated and written in %.1f s\n",
        events, processes, fileMb, path.c_str(), msSince(genStart) / 1000);
    text.clear();
    text.shrink_to_fit();

    std::vector<Sample> sax, load;
    for (int r = 0; r < std::max(runs, 1); ++r) {
        sax.push_back(runChild(argv[0], "sax", path));
        load.push_back(runChild(argv[0], "load", path));
    }
    const Sample cancel = runChild(argv[0], "cancel", path);
    const double n = static_cast<double>(events);
    const auto report = [&](const char* what, const std::vector<Sample>& s) {
        double lo = 1e300, hi = 0;
        for (const Sample& x : s) {
            lo = std::min(lo, x.ms);
            hi = std::max(hi, x.ms);
        }
        const double ms = median(s, [](const Sample& x) { return x.ms; });
        const double cpu = median(s, [](const Sample& x) { return x.cpuMs; });
        const double delta = median(s, [](const Sample& x) { return x.hwmDeltaKb; }) / 1024;
        const double peak = median(s, [](const Sample& x) { return x.hwmKb; }) / 1024;
        std::printf("%-16s median %8.1f ms (%d runs, %.1f-%.1f; CPU time %.1f ms), %6.1f ns/event, peak RSS "
                    "+%.1f MB (process peak %.1f MB = %.2fx the file)\n",
            what, ms, runs, lo, hi, cpu, ms * 1e6 / n, delta, peak, peak * 1.048576 / fileMb);
        return ms;
    };
    const double saxMs = report("nlohmann SAX", sax);
    const double loadMs = report("readNativeTrace", load);
    std::printf("loader / bare SAX: %.2fx\n", loadMs / saxMs);
    std::printf("Trace::bytes(): %.1f MB, %.1f B/event; %zu events read back; %.0f progress reports\n",
        static_cast<double>(load.back().bytes) / 1e6, static_cast<double>(load.back().bytes) / n,
        load.back().events, load.back().extra);
    std::printf("cancel at 50%%: returned %.2f ms after the progress callback said stop\n", cancel.extra);
    if (!(argc > 3 && std::string(argv[3]) == "--keep"))
        std::filesystem::remove(path);
    return 0;
}
