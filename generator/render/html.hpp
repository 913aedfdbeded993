#pragma once

#include <string>
#include <string_view>

namespace parkpress::render {

/// Escapes &, <, >, " and ' for HTML text and attribute values (and XML).
std::string escape_html(std::string_view text);

} // namespace parkpress::render
