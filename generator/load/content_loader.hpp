#pragma once

#include "core/diagnostics.hpp"
#include "load/fingerprint.hpp"
#include "load/park_cache.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace parkpress::load {

/// The loaded content, with the text of every file read (for diagnostics that quote it).
struct LoadedContent {
    model::SiteModel model;
    std::filesystem::path root;                 ///< the content folder
    /// By content-relative path: every file read but the parks' (TOML and narratives), which
    /// are here only when they hold a placeholder; text_of() reads them again.
    std::map<std::string, std::string> texts;
    std::map<std::string, std::string> digests; ///< of the park files' bytes (file_digest), by path
    /// The digest of the files every park is read against: site, indicators, sources and
    /// provinces (see ParkCache).
    std::string shared_digest;
    /// What loading the parks reported (before validation), for ParkCache.
    std::vector<core::Diagnostic> park_diagnostics;
};

/// The text of the content file `file` (content-relative) for a diagnostic to quote: from
/// `content.texts`, else read again; nullopt if it is not a regular file, cannot be read or is
/// not UTF-8.
std::optional<std::string> text_of(const LoadedContent& content, const std::string& file);

/// Raised when the content folder itself cannot be used (missing, not a folder).
class ContentFolderError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads the whole content tree (see docs/content-format.md) into one model. Every problem
/// found is added to `diagnostics`; loading goes on past errors so that one run reports them
/// all. Cross-file rules (unknown references, cycles, warnings) are in validate().
/// With `cache`, a park whose files did not change since the cache was written is taken
/// from it instead of being parsed again. `known`: the fingerprint of `root` as it was just
/// read (tree_digests()): such a park's files are not even read, and a file whose bytes it
/// kept is taken from it (moved out) instead of being read again.
LoadedContent load_content(const std::filesystem::path& root, core::Diagnostics& diagnostics,
                           const ParkCache* cache = nullptr, TreeDigest* known = nullptr);

} // namespace parkpress::load
