#pragma once

#include "core/diagnostics.hpp"
#include "model/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace parkpress::load {

/// Finds every `{{fact [PARK] INDICATOR}}` and `{{target [PARK] INDICATOR}}` in a narrative.
/// Anything else between `{{` and `}}`, or a `{{` that is never closed, is reported as an
/// error at its line and column. Resolution against the model happens in validate().
///
/// parse_references("见{{fact jobs}}。", "a.md", d)
///   -> one Reference{fact, park "", indicator "jobs", offset 3, line 1, column 2}
std::vector<model::Reference> parse_references(std::string_view text, const std::string& file,
                                               core::Diagnostics& diagnostics);

} // namespace parkpress::load
