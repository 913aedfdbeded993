#include "render/context.hpp"

#include "render/markdown.hpp"
#include "render/urls.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace parkpress::render {

std::string province_name(const model::SiteModel& model, const std::string& slug) {
    const auto it = model.provinces.find(slug);
    return it == model.provinces.end() ? slug : it->second.name;
}

std::string kind_name(const model::SiteModel& model, const std::string& key) {
    const model::Kind* kind = model.find_kind(key);
    return kind == nullptr ? key : kind->name;
}

std::string PageContext::url(const std::string& output_path) const { return relative_url(m_page, output_path); }

Data PageContext::park_link(const model::Park& park) const {
    Data d;
    d.set("name", park.name);
    d.set("url", url(paths::park(park.slug)));
    d.set("slug", park.slug);
    return d;
}

Data PageContext::province_link(const std::string& slug) const {
    Data d;
    d.set("name", province_name(m_model, slug));
    d.set("url", url(paths::province(slug)));
    const auto it = m_model.provinces.find(slug);
    d.set("short", it == m_model.provinces.end() ? slug : it->second.short_name);
    const auto colour = m_index.province_colour.find(slug);
    d.set("colour", colour == m_index.province_colour.end() ? "0" : std::to_string(colour->second));
    return d;
}

Data PageContext::kind_link(const std::string& key) const {
    Data d;
    d.set("name", kind_name(m_model, key));
    d.set("url", url(paths::kind(key)));
    return d;
}

Data PageContext::indicator_link(const std::string& key) const {
    Data d;
    const auto it = m_model.indicators.find(key);
    d.set("name", it == m_model.indicators.end() ? key : it->second.name);
    d.set("unit", it == m_model.indicators.end() ? "" : it->second.unit);
    d.set("url", url(paths::indicator(key)));
    d.set("key", key);
    return d;
}

Data PageContext::source_link(const std::string& key) const {
    Data d;
    const auto it = m_model.sources.find(key);
    if (it != m_model.sources.end()) {
        d.set("title", it->second.title);
        d.set("publisher", it->second.publisher);
        d.set("date", date_text(it->second.date));
    }
    d.set("url", url(paths::sources()) + "#" + key);
    d.set("key", key);
    return d;
}

namespace {
const model::Indicator* find_indicator(const model::SiteModel& m, const std::string& key) {
    const auto it = m.indicators.find(key);
    return it == m.indicators.end() ? nullptr : &it->second;
}
} // namespace

std::string PageContext::fact_text(const model::Fact& fact) const {
    const auto* ind = find_indicator(m_model, fact.indicator);
    const auto v = display(fact.quantity, fact.qualifier, ind != nullptr ? ind->unit : fact.quantity.unit);
    return fmt::format("{}（{}）", v.text, period_text(fact.period));
}

std::string PageContext::target_text(const model::Target& target) const {
    const auto* ind = find_indicator(m_model, target.indicator);
    const auto v = display(target.quantity, target.qualifier, ind != nullptr ? ind->unit : target.quantity.unit);
    return fmt::format("{}（{}年目标）", v.text, target.by);
}

Data PageContext::fact(const model::Park& park, const model::Fact& fact, const std::string& common_period) const {
    const auto* ind = find_indicator(m_model, fact.indicator);
    const auto v = display(fact.quantity, fact.qualifier, ind != nullptr ? ind->unit : fact.quantity.unit);
    Data d;
    d.set("park", park_link(park));
    d.set("province", province_link(park.province));
    d.set("indicator", indicator_link(fact.indicator));
    d.set("value", v.symbol + v.number);
    d.set("number", v.number);
    d.set("sort", plain_number(v.value));
    d.set("unit", v.unit);
    d.set("qualifier", qualifier_name(fact.qualifier));
    d.set("bounded", fact.qualifier != model::Qualifier::none);
    if (v.converted) {
        d.set("written", format_number(fact.quantity.value) + fact.quantity.unit);
    }
    const model::Basis basis = m_model.basis_of(fact);
    d.set("basis", basis_name(basis));
    d.set("basis_overridden", ind != nullptr && basis != ind->basis);
    d.set("period", period_text(fact.period));
    d.set("other_period", !common_period.empty() && model::to_string(fact.period) != common_period);
    d.set("source", source_link(fact.source));
    d.set("note", fact.note);
    return d;
}

Data PageContext::target(const model::Park& park, const model::Target& target) const {
    const auto* ind = find_indicator(m_model, target.indicator);
    const std::string unit = ind != nullptr ? ind->unit : target.quantity.unit;
    const auto v = display(target.quantity, target.qualifier, unit);
    Data d;
    d.set("park", park_link(park));
    d.set("province", province_link(park.province));
    d.set("indicator", indicator_link(target.indicator));
    d.set("value", v.symbol + v.number);
    d.set("sort", plain_number(v.value));
    d.set("unit", v.unit);
    d.set("qualifier", qualifier_name(target.qualifier));
    d.set("bounded", target.qualifier != model::Qualifier::none);
    if (v.converted) {
        d.set("written", format_number(target.quantity.value) + target.quantity.unit);
    }
    d.set("by", std::to_string(target.by));
    d.set("source", source_link(target.source));
    d.set("note", target.note);
    // Progress: the latest actual of the same indicator, when there is one.
    if (const model::Fact* actual = m_model.latest_fact(park, target.indicator)) {
        const auto a = display(actual->quantity, actual->qualifier, unit);
        Data p;
        p.set("actual", a.text);
        p.set("period", period_text(actual->period));
        if (!v.value.is_zero() && !a.value.is_negative() && !v.value.is_negative()) {
            const auto ratio = a.value.times(core::Decimal(100)).value_or(core::Decimal()).divided_by(v.value);
            if (ratio) {
                p.set("percent", ratio->to_string(0));
                const double clamped = std::clamp(ratio->to_double(), 0.0, 100.0);
                p.set("bar", fmt::format("{:.0f}", clamped));
            }
        }
        d.set("progress", p);
    }
    return d;
}

Data PageContext::rank(const model::Rank& rank) const {
    Data d;
    d.set("system", rank.system);
    d.set("cohort", rank.cohort);
    d.set("rank", std::to_string(rank.rank));
    if (rank.of) {
        d.set("of", std::to_string(*rank.of));
    }
    d.set("period", rank.period);
    d.set("source", source_link(rank.source));
    return d;
}

std::string PageContext::narrative_html(const model::Narrative& narrative, const model::Park* own) const {
    const Resolver resolve = [&](const model::Reference& ref) -> ResolvedReference {
        const model::Park* park = ref.park.empty() ? own : m_model.find_park(ref.park);
        if (park == nullptr) {
            return {"", "", ""};
        }
        if (ref.kind == model::Reference::Kind::fact) {
            if (const model::Fact* f = m_model.latest_fact(*park, ref.indicator)) {
                const auto src = m_model.sources.find(f->source);
                const std::string title = src == m_model.sources.end() ? "" : fmt::format("来源：{}（{}，{}）",
                                                                                         src->second.title, src->second.publisher,
                                                                                         date_text(src->second.date));
                return {fact_text(*f), url(paths::sources()) + "#" + f->source, title};
            }
        } else if (const model::Target* t = m_model.latest_target(*park, ref.indicator)) {
            const auto src = m_model.sources.find(t->source);
            const std::string title = src == m_model.sources.end() ? "" : fmt::format("来源：{}（{}，{}）",
                                                                                     src->second.title, src->second.publisher,
                                                                                     date_text(src->second.date));
            return {target_text(*t), url(paths::sources()) + "#" + t->source, title};
        }
        return {"", "", ""};
    };
    return NarrativeDocument(narrative, resolve).html();
}

} // namespace parkpress::render
