#pragma once

#include "core/diagnostics.hpp"

#include <map>
#include <string>
#include <string_view>

namespace parkpress::load {

/// How every placeholder of `parkpress new park` begins: 【待填写：园区全称】.
inline constexpr std::string_view k_placeholder = "【待填写";

/// Reports, as an error at its line and column, every placeholder left in the content's
/// files (`texts`, by content-relative path), so that a template nobody filled in is never
/// published.
void check_placeholders(const std::map<std::string, std::string>& texts, core::Diagnostics& diagnostics);

} // namespace parkpress::load
