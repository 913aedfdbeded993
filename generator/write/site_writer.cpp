#include "write/site_writer.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace parkpress::write {
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        throw WriteError(fmt::format("cannot write {}", path.generic_string()));
    }
}

} // namespace

void write_site(const render::OutputFiles& files, const fs::path& out) {
    const fs::path target = fs::absolute(out).lexically_normal();
    const fs::path parent = target.parent_path();
    fs::create_directories(parent);
    const fs::path staging = parent / fmt::format(".{}.parkpress-new-{}", target.filename().string(), getpid());
    std::error_code ec;
    fs::remove_all(staging, ec);
    try {
        fs::create_directory(staging);
        for (const auto& [path, bytes] : files) {
            const fs::path file = (staging / path).lexically_normal();
            const auto rel = file.lexically_relative(staging);
            if (rel.empty() || rel.begin()->string() == "..") {
                throw WriteError(fmt::format("refusing to write {} outside the output folder", path));
            }
            write_file(file, bytes);
        }
        write_file(staging / k_marker, "This folder was written by parkpress; it replaces it on every build.\n");
    } catch (...) {
        fs::remove_all(staging, ec);
        throw;
    }
    if (!fs::exists(target)) {
        fs::rename(staging, target);
        return;
    }
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        fs::remove_all(staging, ec);
        throw WriteError(fmt::format("cannot replace {}: {}", target.generic_string(), std::strerror(error)));
    }
    fs::remove_all(staging, ec); // now holds the previous site
}

} // namespace parkpress::write
