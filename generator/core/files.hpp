#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace parkpress::core {

/// The bytes of a file (open, fstat, read), or nullopt if it cannot be read; a folder cannot.
std::optional<std::string> read_file(const std::filesystem::path& path);

} // namespace parkpress::core
