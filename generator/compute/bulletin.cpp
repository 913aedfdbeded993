#include "compute/bulletin.hpp"

#include "model/units.hpp"

#include <algorithm>

namespace parkpress::compute {

int BulletinData::source_number(const std::string& key) const {
    const auto it = std::find(sources.begin(), sources.end(), key);
    return it == sources.end() ? 0 : static_cast<int>(it - sources.begin()) + 1;
}

BulletinData compute_bulletin(const model::SiteModel& model, const SiteIndex& index, const model::Bulletin& bulletin) {
    BulletinData data;
    data.bulletin = &bulletin;
    data.parks = model.bulletin_parks(bulletin);
    for (const auto& slug : index.province_order) {
        if (std::any_of(data.parks.begin(), data.parks.end(), [&](const model::Park* p) { return p->province == slug; })) {
            data.provinces.push_back(slug);
        }
    }
    auto cite = [&](const std::string& source) {
        if (std::find(data.sources.begin(), data.sources.end(), source) == data.sources.end()) {
            data.sources.push_back(source);
        }
    };
    const model::Date cutoff = bulletin.period.end();
    for (const auto& key : bulletin.indicators) {
        const auto it = model.indicators.find(key);
        if (it == model.indicators.end()) {
            continue;
        }
        const model::Indicator& indicator = it->second;
        BulletinIndicator bi;
        bi.indicator = &indicator;
        std::map<std::string, std::vector<FactEntry>> by_province;
        for (const model::Park* park : data.parks) {
            const model::Fact* best = nullptr;
            for (const auto& f : park->facts) {
                if (f.indicator == key && !(cutoff < f.period.end())
                    && (best == nullptr || !(f.period.end() < best->period.end()))) {
                    best = &f;
                }
            }
            if (best != nullptr) {
                const Decimal value = model::convert(best->quantity.value, best->quantity.unit, indicator.unit)
                                          .value_or(best->quantity.value);
                const FactEntry entry{park, best, value};
                bi.facts.push_back({entry, best->period.year < bulletin.period.year});
                by_province[park->province].push_back(entry);
            }
            for (const auto& t : park->targets) {
                if (t.indicator == key) {
                    const Decimal value =
                        model::convert(t.quantity.value, t.quantity.unit, indicator.unit).value_or(t.quantity.value);
                    bi.targets.push_back({park, &t, value});
                }
            }
        }
        std::stable_sort(bi.facts.begin(), bi.facts.end(), [&](const BulletinFact& a, const BulletinFact& b) {
            if (a.entry.value != b.entry.value) {
                return indicator.better == model::Better::lower ? a.entry.value < b.entry.value : b.entry.value < a.entry.value;
            }
            return a.entry.park->slug < b.entry.park->slug;
        });
        std::stable_sort(bi.targets.begin(), bi.targets.end(), [](const TargetEntry& a, const TargetEntry& b) {
            return a.target->by != b.target->by ? a.target->by < b.target->by : a.park->slug < b.park->slug;
        });
        for (const auto& province : data.provinces) {
            const auto compared = static_cast<std::size_t>(std::count_if(
                data.parks.begin(), data.parks.end(), [&](const model::Park* p) { return p->province == province; }));
            bi.provinces.push_back(summarise(model, indicator, province, by_province[province], compared));
        }
        for (const auto& f : bi.facts) {
            cite(f.entry.fact->source);
        }
        for (const auto& t : bi.targets) {
            cite(t.target->source);
            data.targets_by_year[t.target->by].push_back(t);
        }
        data.indicators.push_back(std::move(bi));
    }
    if (bulletin.narrative) {
        for (const auto& ref : bulletin.narrative->references) {
            const model::Park* park = model.find_park(ref.park);
            if (park == nullptr) {
                continue;
            }
            if (ref.kind == model::Reference::Kind::fact) {
                if (const model::Fact* f = model.latest_fact(*park, ref.indicator)) {
                    cite(f->source);
                }
            } else if (const model::Target* t = model.latest_target(*park, ref.indicator)) {
                cite(t->source);
            }
        }
    }
    return data;
}

} // namespace parkpress::compute
