#pragma once

#include "core/diagnostics.hpp"
#include "load/park_cache.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace parkpress::load {

/// The loaded content, with the text of every file read (for diagnostics that quote it).
struct LoadedContent {
    model::SiteModel model;
    std::map<std::string, std::string> texts;   ///< by content-relative path
    std::map<std::string, std::string> digests; ///< of the park files' texts, by path
    /// The digest of the files every park is read against: site, indicators, sources and
    /// provinces (see ParkCache).
    std::string shared_digest;
    /// What loading the parks reported (before validation), for ParkCache.
    std::vector<core::Diagnostic> park_diagnostics;
};

/// Raised when the content folder itself cannot be used (missing, not a folder).
class ContentFolderError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads the whole content tree (see docs/content-format.md) into one model. Every problem
/// found is added to `diagnostics`; loading goes on past errors so that one run reports them
/// all. Cross-file rules (unknown references, cycles, warnings) are in validate().
/// With `cache`, a park whose files did not change since the cache was written is taken
/// from it instead of being parsed again.
LoadedContent load_content(const std::filesystem::path& root, core::Diagnostics& diagnostics,
                           const ParkCache* cache = nullptr);

} // namespace parkpress::load
