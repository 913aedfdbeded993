#pragma once

#include "core/diagnostics.hpp"
#include "load/content_loader.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace parkpress::testing {

/// A content tree in a fresh temporary folder, written from strings: a small valid site
/// that a test changes file by file (Hugo's txtar idea).
class SiteFixture {
public:
    SiteFixture();
    ~SiteFixture();
    SiteFixture(const SiteFixture&) = delete;
    SiteFixture& operator=(const SiteFixture&) = delete;

    /// Sets (or, with nullopt-like empty `remove`, deletes) a file of the tree.
    SiteFixture& set(const std::string& path, const std::string& text);
    SiteFixture& remove(const std::string& path);
    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

    /// Loads and validates; returns the diagnostics, sorted, formatted one per line.
    std::string check();
    load::LoadedContent load(core::Diagnostics& diagnostics);

private:
    void write_all();
    std::filesystem::path m_root;
    std::map<std::string, std::string> m_files;
};

/// The valid tree's files, for tests that start from one of them.
const std::map<std::string, std::string>& base_files();

/// The model of a fixture, which must load without errors (a test fails otherwise).
model::SiteModel model_of(SiteFixture& site);

/// `text` with the first `from` replaced by `to`; a test fails when `from` is not in it.
std::string replaced(std::string text, const std::string& from, const std::string& to);

} // namespace parkpress::testing
