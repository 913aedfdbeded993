#include "core/files.hpp"

#include <algorithm>
#include <chrono>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parkpress::core {

namespace {

FileInfo info_of(const struct stat& st) {
    auto ns = [](const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
    return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
            static_cast<std::uint64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim)};
}

} // namespace

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<FileInfo> regular_file_info(const std::filesystem::path& path, bool follow_links) {
    struct stat st {};
    if ((follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0 || !S_ISREG(st.st_mode)) {
        return std::nullopt;
    }
    return info_of(st);
}

std::optional<std::string> read_file(const std::filesystem::path& path, FileInfo* info) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    // Read into the string itself, sized as the file says, and grown if it was growing.
    struct stat st {};
    const bool stated = ::fstat(fd, &st) == 0;
    if (info != nullptr) {
        *info = stated ? info_of(st) : FileInfo{};
    }
    std::size_t capacity = stated && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 65536;
    std::string bytes(capacity, '\0');
    std::size_t size = 0;
    ssize_t n = 0;
    while ((n = ::read(fd, bytes.data() + size, capacity - size)) > 0) {
        size += static_cast<std::size_t>(n);
        if (size == capacity) {
            capacity *= 2;
            bytes.resize(capacity);
        }
    }
    ::close(fd);
    if (n < 0) {
        return std::nullopt;
    }
    bytes.resize(size);
    return bytes;
}

bool is_plain_relative_path(std::string_view path) {
    if (path.empty()) {
        return false;
    }
    for (std::size_t begin = 0; begin <= path.size();) {
        const std::size_t end = std::min(path.find('/', begin), path.size());
        const std::string_view part = path.substr(begin, end - begin);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        begin = end + 1;
    }
    return true;
}

} // namespace parkpress::core
