#include "model/model.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::model {

const Park* SiteModel::find_park(const std::string& slug) const {
    if (m_park_index.size() == parks.size() && !parks.empty()) {
        const auto it = m_park_index.find(slug);
        return it == m_park_index.end() ? nullptr : &parks[it->second];
    }
    const auto it = std::find_if(parks.begin(), parks.end(), [&](const Park& p) { return p.slug == slug; });
    return it == parks.end() ? nullptr : &*it;
}

void SiteModel::index_parks() {
    m_indicator_index.build(indicators);
    m_source_index.build(sources);
    m_park_index.clear();
    for (std::size_t i = 0; i < parks.size(); ++i) {
        m_park_index.emplace(parks[i].slug, i);
    }
    if (m_park_index.size() != parks.size()) {
        m_park_index.clear(); // duplicate slugs: an error is reported; search linearly meanwhile
    }
}

const Kind* SiteModel::find_kind(const std::string& key) const {
    const auto it = std::find_if(site.kinds.begin(), site.kinds.end(), [&](const Kind& k) { return k.key == key; });
    return it == site.kinds.end() ? nullptr : &*it;
}

Basis SiteModel::basis_of(const Fact& fact) const {
    if (fact.basis) {
        return *fact.basis;
    }
    const Indicator* indicator = find_indicator(fact.indicator);
    return indicator == nullptr ? Basis::annual : indicator->basis;
}

const Fact* SiteModel::latest_fact(const Park& park, const std::string& indicator) const {
    const Fact* best = nullptr;
    for (const auto& f : park.facts) {
        if (f.indicator == indicator && (best == nullptr || !(f.period.end() < best->period.end()))) {
            best = &f;
        }
    }
    return best;
}

const Target* SiteModel::latest_target(const Park& park, const std::string& indicator) const {
    const Target* best = nullptr;
    for (const auto& t : park.targets) {
        if (t.indicator == indicator && (best == nullptr || t.by >= best->by)) {
            best = &t;
        }
    }
    return best;
}

std::vector<const Park*> SiteModel::bulletin_parks(const Bulletin& bulletin) const {
    auto listed = [](const std::vector<std::string>& list, const std::string& value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    std::vector<const Park*> out;
    for (const auto& p : parks) {
        if (listed(bulletin.provinces, p.province) && listed(bulletin.kinds, p.kind)
            && listed(bulletin.parks, p.slug)) {
            out.push_back(&p);
        }
    }
    return out;
}

std::string to_string(Dimension d) {
    switch (d) {
    case Dimension::area: return "area";
    case Dimension::money: return "money";
    case Dimension::money_per_area: return "money_per_area";
    case Dimension::count: return "count";
    case Dimension::percent: return "percent";
    }
    return "";
}

std::string to_string(Basis b) {
    switch (b) {
    case Basis::annual: return "annual";
    case Basis::cumulative: return "cumulative";
    case Basis::stock: return "stock";
    }
    return "";
}

std::string to_string(Better b) {
    switch (b) {
    case Better::higher: return "higher";
    case Better::lower: return "lower";
    case Better::none: return "none";
    }
    return "";
}

std::string to_string(Qualifier q) {
    switch (q) {
    case Qualifier::none: return "";
    case Qualifier::about: return "about";
    case Qualifier::over: return "over";
    case Qualifier::at_least: return "at_least";
    case Qualifier::at_most: return "at_most";
    }
    return "";
}

std::string to_string(Level l) {
    switch (l) {
    case Level::national: return "national";
    case Level::provincial: return "provincial";
    case Level::municipal: return "municipal";
    }
    return "";
}

std::string qualifier_symbol(Qualifier q) {
    switch (q) {
    case Qualifier::none: return "";
    case Qualifier::about: return "≈";
    case Qualifier::over: return ">";
    case Qualifier::at_least: return "≥";
    case Qualifier::at_most: return "≤";
    }
    return "";
}

std::string to_string(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string to_string(const Period& p) { return p.date ? to_string(*p.date) : fmt::format("{}", p.year); }

} // namespace parkpress::model
