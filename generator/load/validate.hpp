#pragma once

#include "core/diagnostics.hpp"
#include "model/model.hpp"

namespace parkpress::load {

/// Cross-file rules over a loaded model: references to kinds, indicators, units, sources,
/// parents, parks and provinces; value ranges; parent cycles; narrative references; bulletin
/// selections; and the warnings for what is legal but suspicious.
void validate(const model::SiteModel& model, core::Diagnostics& diagnostics);

} // namespace parkpress::load
