#include "compute/site_index.hpp"

#include "model/units.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <set>
#include <tuple>

namespace parkpress::compute {
namespace {

Decimal in_unit(const model::Quantity& q, const std::string& unit) {
    return model::convert(q.value, q.unit, unit).value_or(q.value);
}

/// Best first: larger values first when higher is better or neutral, smaller first when lower is.
void sort_facts(std::vector<FactEntry>& facts, model::Better better) {
    std::stable_sort(facts.begin(), facts.end(), [&](const FactEntry& a, const FactEntry& b) {
        if (a.value != b.value) {
            return better == model::Better::lower ? a.value < b.value : b.value < a.value;
        }
        return a.park->slug < b.park->slug;
    });
}

/// What tells periods apart as their text (model::to_string) does, without making the text:
/// the date when there is one, else the year.
using PeriodKey = std::tuple<bool, int, int, int>;
PeriodKey period_key(const model::Period& p) {
    return p.date ? std::tuple(true, p.date->year, p.date->month, p.date->day) : std::tuple(false, p.year, 0, 0);
}

/// The period most facts share; of periods equally common, the first as text.
std::string most_common_period(const std::vector<FactEntry>& facts) {
    std::map<PeriodKey, std::pair<const model::Period*, int>> counts;
    int best_count = 0;
    for (const auto& f : facts) {
        auto& [period, count] = counts.try_emplace(period_key(f.fact->period), &f.fact->period, 0).first->second;
        best_count = std::max(best_count, ++count);
    }
    std::optional<std::string> best;
    for (const auto& [key, entry] : counts) {
        if (entry.second == best_count) {
            std::string text = model::to_string(*entry.first);
            if (!best || text < *best) {
                best = std::move(text);
            }
        }
    }
    return best.value_or(std::string());
}

} // namespace

ProvinceSummary summarise(const model::SiteModel& site, const model::Indicator& indicator, const std::string& province,
                          std::vector<FactEntry> facts, std::size_t parks_in_province) {
    ProvinceSummary s;
    s.province = province;
    s.parks_in_province = parks_in_province;
    std::vector<Decimal> values;
    std::set<PeriodKey> periods;
    std::set<model::Basis> bases;
    values.reserve(facts.size());
    for (const auto& f : facts) {
        values.push_back(f.value);
        periods.insert(period_key(f.fact->period));
        bases.insert(site.basis_of(*f.fact));
        s.median_has_bounds = s.median_has_bounds || f.fact->qualifier != model::Qualifier::none;
    }
    s.median = median(values);
    s.median_mixed_periods = periods.size() > 1 || bases.size() > 1;
    if (facts.empty()) {
        s.no_total_reason = "无数据";
    } else if (!is_additive(indicator)) {
        s.no_total_reason = "该指标不可相加";
    } else if (periods.size() > 1) {
        s.no_total_reason = "各园区数据时期不同";
    } else if (bases.size() > 1 || bases.contains(model::Basis::cumulative)) {
        s.no_total_reason = "累计数起点不同，不可相加";
    } else {
        std::set<std::string> reporting;
        for (const auto& f : facts) {
            reporting.insert(f.park->slug);
        }
        Decimal total;
        bool ok = true;
        for (const auto& f : facts) {
            const auto up = ancestors(site, *f.park);
            const bool inside_reporting = std::any_of(up.begin(), up.end(), [&](const model::Park* a) {
                return reporting.contains(a->slug);
            });
            if (inside_reporting) {
                continue; // already counted in its host's figure
            }
            const auto sum = total.plus(f.value);
            ok = ok && sum.has_value();
            total = sum.value_or(total);
            s.total_has_bounds = s.total_has_bounds || f.fact->qualifier != model::Qualifier::none;
        }
        if (ok) {
            s.total = total;
        }
    }
    sort_facts(facts, indicator.better);
    s.facts = std::move(facts);
    return s;
}


std::optional<Decimal> median(std::vector<Decimal> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    if (values.size() % 2 == 1) {
        return values[mid];
    }
    const auto sum = values[mid - 1].plus(values[mid]);
    return sum ? sum->divided_by(Decimal(2)) : std::nullopt;
}

bool is_additive(const model::Indicator& indicator) {
    return indicator.dimension == model::Dimension::area || indicator.dimension == model::Dimension::money
           || indicator.dimension == model::Dimension::count;
}

std::vector<const model::Park*> ancestors(const model::SiteModel& site, const model::Park& park) {
    std::vector<const model::Park*> out;
    std::set<std::string> seen{park.slug};
    const model::Park* current = site.find_park(park.parent);
    while (current != nullptr && seen.insert(current->slug).second) {
        out.push_back(current);
        current = site.find_park(current->parent);
    }
    return out;
}

namespace {
void summarise_indicator(const model::SiteModel& site, const SiteIndex& index, IndicatorIndex& ii);
} // namespace

SiteIndex build_index(const model::SiteModel& site) {
    SiteIndex index;
    std::vector<const model::Province*> provinces;
    for (const auto& [slug, p] : site.provinces) {
        provinces.push_back(&p);
    }
    std::stable_sort(provinces.begin(), provinces.end(),
                     [](const model::Province* a, const model::Province* b) { return a->code < b->code; });
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        index.province_order.push_back(provinces[i]->slug);
        index.province_colour[provinces[i]->slug] = static_cast<int>(i);
    }
    std::map<std::string, std::vector<FactEntry>> facts_by_indicator;
    // The maps' entries by key, found by hash: hundreds of thousands of figures look them up.
    std::unordered_map<std::string_view, std::vector<Citation>*> citations;
    auto cite = [&](const std::string& source) -> std::vector<Citation>& {
        auto [it, added] = citations.try_emplace(source, nullptr);
        if (added) {
            it->second = &index.citations[source];
        }
        return *it->second;
    };
    struct PerIndicator {
        std::size_t* count = nullptr;
        const model::Indicator* indicator = nullptr;
        std::vector<FactEntry>* facts = nullptr;
    };
    std::unordered_map<std::string_view, PerIndicator> indicators_by_key;
    auto per_indicator = [&](const std::string& key) -> PerIndicator& {
        auto [it, added] = indicators_by_key.try_emplace(key);
        if (added) {
            it->second.count = &index.fact_counts_by_indicator[key];
            it->second.indicator = site.find_indicator(key);
            it->second.facts = &facts_by_indicator[key];
        }
        return it->second;
    };
    for (const auto& park : site.parks) {
        index.parks_by_province[park.province].push_back(&park);
        index.parks_by_kind[park.kind].push_back(&park);
        if (!park.parent.empty()) {
            index.children[park.parent].push_back(&park);
        }
        std::vector<std::string_view> seen_indicators;
        for (const auto& fact : park.facts) {
            cite(fact.source).push_back({Citation::Kind::fact, &park, &fact, nullptr, nullptr});
            PerIndicator& per = per_indicator(fact.indicator);
            ++*per.count;
            if (std::find(seen_indicators.begin(), seen_indicators.end(), fact.indicator) != seen_indicators.end()) {
                continue;
            }
            seen_indicators.push_back(fact.indicator);
            const model::Fact* latest = site.latest_fact(park, fact.indicator);
            if (latest != nullptr && per.indicator != nullptr) {
                per.facts->push_back({&park, latest, in_unit(latest->quantity, per.indicator->unit)});
            }
        }
        for (const auto& target : park.targets) {
            cite(target.source).push_back({Citation::Kind::target, &park, nullptr, &target, nullptr});
            if (const model::Indicator* indicator = site.find_indicator(target.indicator)) {
                index.indicators[target.indicator].targets.push_back(
                    {&park, &target, in_unit(target.quantity, indicator->unit)});
            }
        }
        for (const auto& rank : park.ranks) {
            cite(rank.source).push_back({Citation::Kind::rank, &park, nullptr, nullptr, &rank});
        }
        if (park.area && !park.area->source.empty()) {
            cite(park.area->source).push_back({Citation::Kind::area, &park, nullptr, nullptr, nullptr});
        }
    }
    std::vector<IndicatorIndex*> indicators;
    for (const auto& [key, indicator] : site.indicators) {
        IndicatorIndex& ii = index.indicators[key];
        ii.indicator = &indicator;
        ii.facts = std::move(facts_by_indicator[key]);
        indicators.push_back(&ii);
    }
    // Each indicator's summaries are independent of the others': they are made on all cores.
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < indicators.size(); i = next++) {
            summarise_indicator(site, index, *indicators[i]);
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && t < indicators.size(); ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& thread : pool) {
        thread.join();
    }
    return index;
}

namespace {
/// Sorts an indicator's figures and targets and summarises them province by province.
void summarise_indicator(const model::SiteModel& site, const SiteIndex& index, IndicatorIndex& ii) {
    const model::Indicator& indicator = *ii.indicator;
    sort_facts(ii.facts, indicator.better);
    ii.common_period = most_common_period(ii.facts);
    std::stable_sort(ii.targets.begin(), ii.targets.end(), [](const TargetEntry& a, const TargetEntry& b) {
        if (a.target->by != b.target->by) {
            return a.target->by < b.target->by;
        }
        return a.park->slug < b.park->slug;
    });
    std::map<std::string, std::vector<FactEntry>> per_province;
    for (const auto& f : ii.facts) {
        per_province[f.park->province].push_back(f);
    }
    for (const auto& province : index.province_order) {
        const auto parks = index.parks_by_province.find(province);
        ii.provinces.push_back(summarise(site, indicator, province, per_province[province],
                                         parks == index.parks_by_province.end() ? 0 : parks->second.size()));
    }
}

} // namespace

} // namespace parkpress::compute
