#include "core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parkpress::core {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    // Read into the string itself, sized as the file says, and grown if it was growing.
    struct stat st {};
    std::size_t capacity = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 65536;
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

} // namespace parkpress::core
