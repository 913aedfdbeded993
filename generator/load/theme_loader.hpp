#pragma once

#include "render/output.hpp"

#include <filesystem>
#include <stdexcept>

namespace parkpress::load {

class ThemeError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads a theme folder: templates/*.mustache (by stem) and every file under assets/
/// (output as assets/<path>). Throws ThemeError when the folder or a template is missing.
render::Theme load_theme(const std::filesystem::path& dir);

} // namespace parkpress::load
