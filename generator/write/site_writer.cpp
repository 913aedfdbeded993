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

SiteWriter::SiteWriter(const fs::path& out) : m_target(fs::absolute(out).lexically_normal()) {
    const fs::path parent = m_target.parent_path();
    fs::create_directories(parent);
    m_staging = parent / fmt::format(".{}.parkpress-new-{}", m_target.filename().string(), getpid());
    std::error_code ec;
    fs::remove_all(m_staging, ec);
    fs::create_directory(m_staging);
}

SiteWriter::~SiteWriter() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove_all(m_staging, ec);
    }
}

void SiteWriter::put(const std::string& path, std::string bytes) {
    const fs::path file = (m_staging / path).lexically_normal();
    const auto rel = file.lexically_relative(m_staging);
    if (rel.empty() || rel.begin()->string() == ".." || path.empty() || path.front() == '/') {
        throw WriteError(fmt::format("refusing to write {} outside the output folder", path));
    }
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec); // another thread may create it at the same time
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    stream.close();
    if (!stream) {
        throw WriteError(fmt::format("cannot write {}", file.generic_string()));
    }
}

void SiteWriter::commit() {
    put(k_marker, "This folder was written by parkpress; it replaces it on every build.\n");
    std::error_code ec;
    if (!fs::exists(m_target)) {
        fs::rename(m_staging, m_target);
        m_committed = true;
        return;
    }
    if (renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        throw WriteError(fmt::format("cannot replace {}: {}", m_target.generic_string(), std::strerror(error)));
    }
    m_committed = true;
    fs::remove_all(m_staging, ec); // now holds the previous site
}

} // namespace parkpress::write
