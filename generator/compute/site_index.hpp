#pragma once

#include "model/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkpress::compute {

using core::Decimal;

/// A park's latest fact for one indicator, with its value in the indicator's display unit.
struct FactEntry {
    const model::Park* park = nullptr;
    const model::Fact* fact = nullptr;
    Decimal value; ///< exact, in the indicator's unit
};

struct TargetEntry {
    const model::Park* park = nullptr;
    const model::Target* target = nullptr;
    Decimal value;
};

/// One province's figures for one indicator.
struct ProvinceSummary {
    std::string province;
    std::vector<FactEntry> facts;     ///< latest fact per reporting park, largest value first
    std::size_t parks_in_province = 0;
    std::optional<Decimal> median;
    bool median_mixed_periods = false; ///< the median mixes figures of different periods or bases
    bool median_has_bounds = false;    ///< some figures in it are bounds (≈, >, ≥, ≤)
    /// Sum over reporting parks that are not inside another reporting park, when a total is
    /// meaningful: an additive dimension, an annual or stock basis, one period for all.
    std::optional<Decimal> total;
    bool total_has_bounds = false;
    std::string no_total_reason;       ///< why there is no total, for the page
};

/// Everything pages need about one indicator, built once.
struct IndicatorIndex {
    const model::Indicator* indicator = nullptr;
    std::vector<FactEntry> facts;       ///< latest per park, sorted by value (best first)
    std::vector<TargetEntry> targets;   ///< every target, sorted by `by`, then value
    std::vector<ProvinceSummary> provinces; ///< every province, in province order
    std::string common_period;          ///< the period most facts share ("2023"), or ""
};

/// A figure that cites a source.
struct Citation {
    enum class Kind { fact, target, rank, area };
    Kind kind = Kind::fact;
    const model::Park* park = nullptr;
    const model::Fact* fact = nullptr;
    const model::Target* target = nullptr;
    const model::Rank* rank = nullptr;
};

/// Indexes over the model, built in one pass so that no page scans all parks.
struct SiteIndex {
    std::vector<std::string> province_order;                  ///< by GB/T code
    std::map<std::string, int> province_colour;               ///< palette index per province
    std::map<std::string, std::vector<const model::Park*>> parks_by_province;
    std::map<std::string, std::vector<const model::Park*>> parks_by_kind;
    std::map<std::string, std::vector<const model::Park*>> children; ///< by parent slug
    std::map<std::string, IndicatorIndex> indicators;
    std::map<std::string, std::vector<Citation>> citations;   ///< by source key
    std::map<std::string, std::size_t> fact_counts_by_indicator;
};

SiteIndex build_index(const model::SiteModel& site);

/// One province's figures for an indicator: median, and a total where it makes sense.
/// `facts` are the latest figures of the parks compared; `parks_in_province` how many parks
/// of the province are compared.
ProvinceSummary summarise(const model::SiteModel& site, const model::Indicator& indicator, const std::string& province,
                          std::vector<FactEntry> facts, std::size_t parks_in_province);

/// The exact median of values (the mean of the middle two for an even count).
std::optional<Decimal> median(std::vector<Decimal> values);

/// Whether summing figures of this indicator across parks can make sense.
bool is_additive(const model::Indicator& indicator);

/// Chain of parents from the park's parent up to the root.
std::vector<const model::Park*> ancestors(const model::SiteModel& site, const model::Park& park);

} // namespace parkpress::compute
