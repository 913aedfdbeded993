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

/// Writes the files into a new folder beside `out`, then swaps it with `out` in one atomic
/// rename (renameat2 RENAME_EXCHANGE) and removes the old tree. If anything fails before
/// the swap, `out` is left as it was. Throws WriteError.
void write_site(const render::OutputFiles& files, const std::filesystem::path& out);

} // namespace parkpress::write
