#include "compute/page_keys.hpp"

#include "core/hash.hpp"

#include <future>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace parkpress::compute {
namespace {

/// The digest of a file's text: from `digests` when it has the file, else computed.
std::string text_digest(const std::map<std::string, std::string>& texts,
                        const std::map<std::string, std::string>* digests, const std::string& file) {
    if (digests != nullptr) {
        if (const auto it = digests->find(file); it != digests->end()) {
            return it->second;
        }
    }
    const auto it = texts.find(file);
    return it == texts.end() ? std::string() : core::digest_of(it->second);
}

__extension__ using UInt128 = unsigned __int128;

void add_int128(core::Hasher& h, core::Int128 v) {
    const auto u = static_cast<UInt128>(v);
    h.add(static_cast<std::int64_t>(static_cast<std::uint64_t>(u))).add(static_cast<std::int64_t>(static_cast<std::uint64_t>(u >> 64)));
}

/// A value as its exact fraction (a Decimal is always in lowest terms), without formatting it.
void add_quantity(core::Hasher& h, const model::Quantity& q, model::Qualifier qualifier) {
    add_int128(h, q.value.numerator());
    add_int128(h, q.value.denominator());
    h.add(q.unit).add(static_cast<std::int64_t>(qualifier));
}

void add_period(core::Hasher& h, const model::Period& p) {
    h.add(p.year);
    if (p.date) {
        h.add(p.date->year).add(p.date->month).add(p.date->day);
    } else {
        h.add(-1);
    }
}

/// Adds the parks a narrative cites by name; its own park when the reference names none.
void add_cited(core::Hasher& h, const model::SiteModel& model, const std::optional<model::Narrative>& narrative,
               const std::unordered_map<const model::Park*, std::string>& data, const model::Park* self) {
    if (!narrative) {
        return;
    }
    for (const auto& ref : narrative->references) {
        const model::Park* cited = ref.park.empty() ? self : model.find_park(ref.park);
        if (cited != nullptr) {
            h.add(data.at(cited));
        }
    }
}

} // namespace

PageKeys::PageKeys(const model::SiteModel& model, const SiteIndex& index, const std::map<std::string, std::string>& texts,
                   std::string_view base, const std::map<std::string, std::string>* digests,
                   const UpdatedDates* dates)
    : m_model(model), m_index(index), m_dates(dates != nullptr ? *dates : UpdatedDates()) {
    // Every figure of each indicator, park by park in model order (which decides ties): the
    // first half of the parks and the second on two other cores, while the rest is digested
    // here. Walking every fact is bound by memory more than by hashing.
    const auto figures_of = [&model](std::size_t begin, std::size_t end) {
        std::map<std::string, core::Hasher> by_indicator;
        std::unordered_map<std::string_view, core::Hasher*> found; // by hash: one lookup per figure
        auto hasher_for = [&](const std::string& key) -> core::Hasher& {
            auto [it, added] = found.try_emplace(key, nullptr);
            if (added) {
                it->second = &by_indicator[key];
            }
            return *it->second;
        };
        for (std::size_t i = begin; i < end; ++i) {
            const model::Park& p = model.parks[i];
            for (const auto& f : p.facts) {
                auto& h = hasher_for(f.indicator).add("fact").add(p.slug);
                add_quantity(h, f.quantity, f.qualifier);
                add_period(h, f.period);
                h.add(f.basis ? static_cast<std::int64_t>(*f.basis) : -1).add(f.source).add(f.note);
            }
            for (const auto& t : p.targets) {
                auto& h = hasher_for(t.indicator).add("target").add(p.slug);
                add_quantity(h, t.quantity, t.qualifier);
                h.add(static_cast<std::int64_t>(t.by)).add(t.source).add(t.note);
            }
        }
        std::map<std::string, std::string> figures;
        for (auto& [key, h] : by_indicator) {
            figures.emplace(key, h.hex());
        }
        return figures;
    };
    const std::size_t half = model.parks.size() / 2;
    auto first_figures = std::async(std::launch::async, figures_of, 0, half);
    auto second_figures = std::async(std::launch::async, figures_of, half, model.parks.size());
    std::unordered_set<std::string_view> park_files;
    park_files.reserve(2 * model.parks.size());
    m_data.reserve(model.parks.size());
    m_narrative.reserve(model.parks.size());
    m_records.reserve(model.parks.size());
    for (const auto& p : model.parks) {
        park_files.insert(p.file);
        m_data[&p] = text_digest(texts, digests, p.file);
        if (p.narrative) {
            park_files.insert(p.narrative->file);
            m_narrative[&p] = text_digest(texts, digests, p.narrative->file);
        }
    }
    core::Hasher shared;
    shared.add("shared").add(base);
    for (const auto& [file, text] : texts) {
        if (!park_files.contains(file)) {
            shared.add(file).add(text);
        }
    }
    m_shared = shared.hex();
    core::Hasher layout;
    layout.add("layout").add(m_shared);
    for (const auto& p : model.parks) {
        layout.add(p.slug).add(p.province).add(p.file).add(p.name).add(p.name_en).add(p.city).add(p.kind).add(p.parent);
        layout.add(static_cast<std::int64_t>(p.level));
    }
    m_layout = layout.hex();
    core::Hasher parks_index;
    parks_index.add("parks index").add(m_layout);
    for (const auto& p : model.parks) {
        parks_index.add(static_cast<std::int64_t>(p.facts.size())).add(static_cast<std::int64_t>(p.targets.size()));
    }
    m_parks_index = parks_index.hex();
    core::Hasher site;
    site.add(m_layout);
    for (const auto& p : model.parks) {
        site.add(m_data.at(&p));
    }
    m_site = site.hex();
    core::Hasher downloads;
    downloads.add("downloads").add(m_site);
    for (const auto& p : model.parks) {
        downloads.add(UpdatedDates::of(m_dates.parks, p.slug));
    }
    m_downloads = downloads.hex();
    for (const auto& p : model.parks) {
        core::Hasher h;
        h.add("records").add(m_shared).add(p.file).add(m_data.at(&p)).add(UpdatedDates::of(m_dates.parks, p.slug));
        m_records[&p] = h.hex();
    }
    // An indicator's key has the digests of both halves ("" for a half without its figures).
    const auto first = first_figures.get();
    const auto second = second_figures.get();
    std::map<std::string_view, std::pair<std::string_view, std::string_view>> halves;
    for (const auto& [key, digest] : first) {
        halves[key].first = digest;
    }
    for (const auto& [key, digest] : second) {
        halves[key].second = digest;
    }
    for (const auto& [key, both] : halves) {
        m_indicators[std::string(key)] =
            core::Hasher().add(m_layout).add(key).add(both.first).add(both.second).hex();
    }
}

std::string PageKeys::park(const model::Park& park) const {
    core::Hasher h;
    h.add("park").add(m_layout).add(m_data.at(&park)).add(UpdatedDates::of(m_dates.parks, park.slug));
    if (const auto n = m_narrative.find(&park); n != m_narrative.end()) {
        h.add(n->second);
    }
    add_cited(h, m_model, park.narrative, m_data, &park);
    return h.hex();
}

std::string PageKeys::parks_key(std::string_view kind, const std::string& key,
                                const std::map<std::string, std::vector<const model::Park*>>& parks) const {
    core::Hasher h;
    h.add(kind).add(m_layout).add(key);
    if (const auto it = parks.find(key); it != parks.end()) {
        for (const auto* p : it->second) {
            h.add(m_data.at(p));
        }
    }
    return h.hex();
}

std::string PageKeys::province(const std::string& slug) const {
    return parks_key("province", slug, m_index.parks_by_province) + UpdatedDates::of(m_dates.provinces, slug);
}

std::string PageKeys::kind(const std::string& key) const { return parks_key("kind", key, m_index.parks_by_kind); }

std::string PageKeys::indicator(const std::string& key) const {
    const auto it = m_indicators.find(key);
    core::Hasher h;
    h.add("indicator").add(m_layout).add(key).add(it == m_indicators.end() ? std::string() : it->second);
    return h.hex();
}

std::string PageKeys::source(const std::string& key) const {
    core::Hasher h;
    h.add("source").add(m_layout).add(key);
    if (const auto it = m_index.citations.find(key); it != m_index.citations.end()) {
        const model::Park* last = nullptr;
        for (const auto& c : it->second) {
            if (c.park != last) {
                h.add(m_data.at(c.park));
                last = c.park;
            }
        }
    }
    return h.hex();
}

std::string PageKeys::bulletin(const model::Bulletin& bulletin) const {
    core::Hasher h;
    h.add("bulletin").add(m_layout).add(bulletin.id).add(UpdatedDates::of(m_dates.bulletins, bulletin.id));
    for (const auto* p : m_model.bulletin_parks(bulletin)) {
        h.add(m_data.at(p));
    }
    add_cited(h, m_model, bulletin.narrative, m_data, nullptr);
    return h.hex();
}

std::string PageKeys::park_records(const model::Park& park) const { return m_records.at(&park); }

std::string PageKeys::bulletin_pdf(const model::Bulletin& bulletin) const {
    core::Hasher h;
    h.add("pdf").add(this->bulletin(bulletin));
    return h.hex();
}

} // namespace parkpress::compute
