#pragma once

#include "render/output.hpp"

#include <filesystem>
#include <stdexcept>

namespace parkpress::write {

class WriteError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The file parkpress leaves in every output folder it writes, so that it can tell its own
/// output from a folder it must not replace.
inline constexpr const char* k_marker = ".parkpress-output";

/// Writes a new site into a staging folder beside `out` as files arrive (from any thread),
/// then `commit()` swaps it with `out` in one atomic rename (renameat2 RENAME_EXCHANGE) and
/// removes the old tree. Destroyed without commit, it removes the staging folder: `out` is
/// left exactly as it was.
class SiteWriter : public render::Sink {
public:
    explicit SiteWriter(const std::filesystem::path& out);
    ~SiteWriter() override;
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    /// Writes one file into the staging folder. Throws WriteError for a path outside it.
    void put(const std::string& path, std::string bytes) override;
    /// Makes the staged site the output. Throws WriteError.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    bool m_committed = false;
};

} // namespace parkpress::write
