#include "core/io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace procscope {

namespace {

std::string failure(const std::string& path, int error)
{
    return path + ": cannot save: " + std::strerror(error);
}

bool writeAll(int fd, std::string_view text)
{
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view text)
{
    struct stat target { };
    if (::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode))
        return path + ": cannot save: is a directory";
    std::string pattern = path + ".XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        return failure(path, errno);
    const std::string temporary(name.data());
    // Keep the permissions of the file being replaced; a new file gets the usual 0644 less umask.
    mode_t mode = 0644;
    if (::stat(path.c_str(), &target) == 0)
        mode = target.st_mode & 07777;
    else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode &= ~mask;
    }
    ::fchmod(fd, mode);
    const bool written = writeAll(fd, text) && ::fsync(fd) == 0;
    const int writeError = errno;
    if (::close(fd) != 0 || !written) {
        const int error = written ? errno : writeError;
        ::unlink(temporary.c_str());
        return failure(path, error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failure(path, error);
    }
    return std::nullopt;
}

} // namespace procscope
