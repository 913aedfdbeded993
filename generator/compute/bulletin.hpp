#pragma once

#include "compute/site_index.hpp"

#include <map>
#include <string>
#include <vector>

namespace parkpress::compute {

struct BulletinChanges;

/// A figure in a bulletin: a park's latest fact not after the bulletin's period.
struct BulletinFact {
    FactEntry entry;
    bool older = false; ///< from a year before the bulletin's period
};

struct BulletinIndicator {
    const model::Indicator* indicator = nullptr;
    std::vector<BulletinFact> facts;         ///< best first (for the chart)
    std::vector<ProvinceSummary> provinces;  ///< provinces compared, in province order
    std::vector<TargetEntry> targets;        ///< targets of the compared parks, by year
};

/// Everything a bulletin shows, computed once for its PDF and HTML editions.
struct BulletinData {
    const model::Bulletin* bulletin = nullptr;
    std::vector<const model::Park*> parks;   ///< the parks compared
    std::vector<std::string> provinces;      ///< their provinces, in province order
    std::vector<BulletinIndicator> indicators;
    std::map<int, std::vector<TargetEntry>> targets_by_year; ///< every target of every indicator
    std::vector<std::string> sources;        ///< cited sources, in order of first citation
    /// The section 本期数据变化 (compute/changes.hpp), when the bulletin has one: set by the
    /// caller, which reads it from git.
    const BulletinChanges* changes = nullptr;
    /// The number of a cited source in the bulletin's list of sources (1-based).
    [[nodiscard]] int source_number(const std::string& key) const;
};

/// Selects, for each indicator of the bulletin, each compared park's latest fact whose period
/// ends on or before the bulletin's period, and summarises them by province.
BulletinData compute_bulletin(const model::SiteModel& model, const SiteIndex& index, const model::Bulletin& bulletin);

} // namespace parkpress::compute
