#include "compute/page_keys.hpp"

#include "core/hash.hpp"

#include <memory>
#include <set>

namespace parkpress::compute {
namespace {

std::string text_digest(const std::map<std::string, std::string>& texts, const std::string& file) {
    const auto it = texts.find(file);
    return it == texts.end() ? std::string() : core::digest_of(it->second);
}

void add_quantity(core::Hasher& h, const model::Quantity& q, model::Qualifier qualifier) {
    h.add(q.value.to_string()).add(q.unit).add(static_cast<std::int64_t>(qualifier));
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
                   std::string_view base)
    : m_model(model), m_index(index) {
    std::set<std::string> park_files;
    for (const auto& p : model.parks) {
        park_files.insert(p.file);
        m_data[&p] = text_digest(texts, p.file);
        if (p.narrative) {
            park_files.insert(p.narrative->file);
            m_narrative[&p] = text_digest(texts, p.narrative->file);
        }
    }
    core::Hasher layout;
    layout.add("layout").add(base);
    for (const auto& [file, text] : texts) {
        if (!park_files.contains(file)) {
            layout.add(file).add(text);
        }
    }
    for (const auto& p : model.parks) {
        layout.add(p.slug).add(p.province).add(p.file).add(p.name).add(p.name_en).add(p.city).add(p.kind).add(p.parent);
        layout.add(static_cast<std::int64_t>(p.level));
    }
    m_layout = layout.hex();
    core::Hasher site;
    site.add(m_layout);
    for (const auto& p : model.parks) {
        site.add(m_data.at(&p));
    }
    m_site = site.hex();
    // Every figure of each indicator, park by park in model order (which decides ties).
    std::map<std::string, std::unique_ptr<core::Hasher>> by_indicator;
    auto hasher_for = [&](const std::string& key) -> core::Hasher& {
        auto& h = by_indicator[key];
        if (!h) {
            h = std::make_unique<core::Hasher>();
            h->add(m_layout).add(key);
        }
        return *h;
    };
    for (const auto& p : model.parks) {
        for (const auto& f : p.facts) {
            auto& h = hasher_for(f.indicator).add("fact").add(p.slug);
            add_quantity(h, f.quantity, f.qualifier);
            h.add(model::to_string(f.period)).add(f.basis ? static_cast<std::int64_t>(*f.basis) : -1).add(f.source).add(f.note);
        }
        for (const auto& t : p.targets) {
            auto& h = hasher_for(t.indicator).add("target").add(p.slug);
            add_quantity(h, t.quantity, t.qualifier);
            h.add(static_cast<std::int64_t>(t.by)).add(t.source).add(t.note);
        }
    }
    for (const auto& [key, h] : by_indicator) {
        m_indicators[key] = h->hex();
    }
}

std::string PageKeys::park(const model::Park& park) const {
    core::Hasher h;
    h.add("park").add(m_layout).add(m_data.at(&park));
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
    return parks_key("province", slug, m_index.parks_by_province);
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
    h.add("bulletin").add(m_layout).add(bulletin.id);
    for (const auto* p : m_model.bulletin_parks(bulletin)) {
        h.add(m_data.at(p));
    }
    add_cited(h, m_model, bulletin.narrative, m_data, nullptr);
    return h.hex();
}

std::string PageKeys::bulletin_pdf(const model::Bulletin& bulletin) const {
    core::Hasher h;
    h.add("pdf").add(this->bulletin(bulletin));
    return h.hex();
}

} // namespace parkpress::compute
