#pragma once

#include "core/diagnostics.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

namespace parkpress::load {

/// The loaded content, with the text of every file read (for diagnostics that quote it).
struct LoadedContent {
    model::SiteModel model;
    std::map<std::string, std::string> texts; ///< by content-relative path
};

/// Raised when the content folder itself cannot be used (missing, not a folder).
class ContentFolderError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads the whole content tree (see docs/content-format.md) into one model. Every problem
/// found is added to `diagnostics`; loading goes on past errors so that one run reports them
/// all. Cross-file rules (unknown references, cycles, warnings) are in validate().
LoadedContent load_content(const std::filesystem::path& root, core::Diagnostics& diagnostics);

} // namespace parkpress::load
