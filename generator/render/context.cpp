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
    put(d, "name", park.name);
    put(d, "url", url(paths::park(park.slug)));
    put(d, "slug", park.slug);
    return d;
}

Data PageContext::province_link(const std::string& slug) const {
    Data d;
    put(d, "name", province_name(m_model, slug));
    put(d, "url", url(paths::province(slug)));
    const auto it = m_model.provinces.find(slug);
    put(d, "short", it == m_model.provinces.end() ? slug : it->second.short_name);
    const auto colour = m_index.province_colour.find(slug);
    put(d, "colour", colour == m_index.province_colour.end() ? "0" : std::to_string(colour->second));
    return d;
}

Data PageContext::kind_link(const std::string& key) const {
    Data d;
    put(d, "name", kind_name(m_model, key));
    put(d, "url", url(paths::kind(key)));
    return d;
}

Data PageContext::indicator_link(const std::string& key) const {
    Data d;
    const auto it = m_model.indicators.find(key);
    put(d, "name", it == m_model.indicators.end() ? key : it->second.name);
    put(d, "unit", it == m_model.indicators.end() ? "" : it->second.unit);
    put(d, "url", url(paths::indicator(key)));
    put(d, "key", key);
    return d;
}

Data PageContext::source_link(const std::string& key) const {
    Data d;
    const auto it = m_model.sources.find(key);
    if (it != m_model.sources.end()) {
        put(d, "title", it->second.title);
        put(d, "publisher", it->second.publisher);
        put(d, "date", date_text(it->second.date));
    }
    put(d, "url", url(paths::source(key)));
    put(d, "key", key);
    return d;
}

namespace {
const model::Indicator* find_indicator(const model::SiteModel& m, const std::string& key) {
    const auto it = m.indicators.find(key);
    return it == m.indicators.end() ? nullptr : &it->second;
}
/// What the `_figure` partial shows of a value: the number with its qualifier's symbol, the
/// unit, the qualifier in words, and the value as written when it was converted.
void put_value(Data& d, const DisplayValue& v, const model::Quantity& written, model::Qualifier qualifier) {
    put(d, "value", v.symbol + v.number);
    put(d, "number", v.number);
    put(d, "sort", v.plain);
    put(d, "unit", v.unit);
    put(d, "qualifier", qualifier_name(qualifier));
    put(d, "bounded", qualifier != model::Qualifier::none);
    if (v.converted) {
        put(d, "written", format_number(written.value) + written.unit);
    }
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

Data PageContext::figure(const model::Park& park, const model::Fact& fact, const std::string& common_period) const {
    const auto* ind = find_indicator(m_model, fact.indicator);
    const auto v = display(fact.quantity, fact.qualifier, ind != nullptr ? ind->unit : fact.quantity.unit);
    Data d;
    put(d, "park", park_link(park));
    Data indicator;
    put(indicator, "name", ind != nullptr ? ind->name : fact.indicator);
    put(indicator, "url", url(paths::indicator(fact.indicator)));
    put(d, "indicator", std::move(indicator));
    put_value(d, v, fact.quantity, fact.qualifier);
    put(d, "period", period_text(fact.period));
    put(d, "other_period", !common_period.empty() && model::to_string(fact.period) != common_period);
    return d;
}

Data PageContext::fact(const model::Park& park, const model::Fact& fact, const std::string& common_period,
                       unsigned parts) const {
    const auto* ind = find_indicator(m_model, fact.indicator);
    const auto v = display(fact.quantity, fact.qualifier, ind != nullptr ? ind->unit : fact.quantity.unit);
    Data d;
    if ((parts & with_park) != 0) {
        put(d, "park", park_link(park));
    }
    if ((parts & with_province) != 0) {
        put(d, "province", province_link(park.province));
    }
    if ((parts & with_indicator) != 0) {
        put(d, "indicator", indicator_link(fact.indicator));
    }
    put_value(d, v, fact.quantity, fact.qualifier);
    const model::Basis basis = m_model.basis_of(fact);
    put(d, "basis", basis_name(basis));
    put(d, "basis_overridden", ind != nullptr && basis != ind->basis);
    put(d, "period", period_text(fact.period));
    put(d, "other_period", !common_period.empty() && model::to_string(fact.period) != common_period);
    put(d, "source", source_link(fact.source));
    put(d, "note", fact.note);
    return d;
}

Data PageContext::target(const model::Park& park, const model::Target& target) const {
    const auto* ind = find_indicator(m_model, target.indicator);
    const std::string unit = ind != nullptr ? ind->unit : target.quantity.unit;
    const auto v = display(target.quantity, target.qualifier, unit);
    Data d;
    put(d, "park", park_link(park));
    put(d, "province", province_link(park.province));
    put(d, "indicator", indicator_link(target.indicator));
    put_value(d, v, target.quantity, target.qualifier);
    put(d, "by", std::to_string(target.by));
    put(d, "source", source_link(target.source));
    put(d, "note", target.note);
    // Progress: the latest actual of the same indicator, when there is one.
    if (const model::Fact* actual = m_model.latest_fact(park, target.indicator)) {
        const auto a = display(actual->quantity, actual->qualifier, unit);
        Data p;
        put(p, "actual", a.text);
        put(p, "period", period_text(actual->period));
        if (!v.value.is_zero() && !a.value.is_negative() && !v.value.is_negative()) {
            const auto ratio = a.value.times(core::Decimal(100)).value_or(core::Decimal()).divided_by(v.value);
            if (ratio) {
                put(p, "percent", ratio->to_string(0));
                const double clamped = std::clamp(ratio->to_double(), 0.0, 100.0);
                put(p, "bar", fmt::format("{:.0f}", clamped));
            }
        }
        put(d, "progress", std::move(p));
    }
    return d;
}

Data PageContext::rank(const model::Rank& rank) const {
    Data d;
    put(d, "system", rank.system);
    put(d, "cohort", rank.cohort);
    put(d, "rank", std::to_string(rank.rank));
    if (rank.of) {
        put(d, "of", std::to_string(*rank.of));
    }
    put(d, "period", rank.period);
    put(d, "source", source_link(rank.source));
    return d;
}

std::string PageContext::narrative_html(const model::Narrative& narrative, const model::Park* own) const {
    const Resolver resolve = [&](const model::Reference& ref) -> ResolvedReference {
        const model::Park* park = ref.park.empty() ? own : m_model.find_park(ref.park);
        if (park == nullptr) {
            return {"", "", ""};
        }
        auto cited = [&](std::string text, const std::string& key) -> ResolvedReference {
            const auto src = m_model.sources.find(key);
            std::string title = src == m_model.sources.end()
                                    ? ""
                                    : fmt::format("来源：{}（{}，{}）", src->second.title, src->second.publisher,
                                                  date_text(src->second.date));
            return {std::move(text), url(paths::source(key)), std::move(title)};
        };
        if (ref.kind == model::Reference::Kind::fact) {
            if (const model::Fact* f = m_model.latest_fact(*park, ref.indicator)) {
                return cited(fact_text(*f), f->source);
            }
        } else if (const model::Target* t = m_model.latest_target(*park, ref.indicator)) {
            return cited(target_text(*t), t->source);
        }
        return {"", "", ""};
    };
    return NarrativeDocument(narrative, resolve).html();
}

} // namespace parkpress::render
