#include "render/context.hpp"

#include "render/markdown.hpp"
#include "render/urls.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <span>

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

namespace {

// The objects of a page's data as views. Each is the only definition of its object: the
// Data that PageContext gives is materialize() of the view.

class ParkLinkView final : public TableView<ParkLinkView> {
public:
    ParkLinkView(const PageContext& ctx, const model::Park& park) : m_ctx(ctx), m_park(park) {}
private:
    friend class TableView<ParkLinkView>;
    const PageContext& m_ctx;
    const model::Park& m_park;
    static std::span<const Member> members();
};

std::span<const ParkLinkView::Member> ParkLinkView::members() {
    static constexpr Member table[] = {
        {"name", [](const ParkLinkView& v, Slot& out) { out.text(v.m_park.name); return true; }},
        {"url", [](const ParkLinkView& v, Slot& out) { out.text(v.m_ctx.url(paths::park(v.m_park.slug))); return true; }},
        {"slug", [](const ParkLinkView& v, Slot& out) { out.text(v.m_park.slug); return true; }},
    };
    return table;
}

class ProvinceLinkView final : public TableView<ProvinceLinkView> {
public:
    ProvinceLinkView(const PageContext& ctx, const std::string& slug) : m_ctx(ctx), m_slug(slug) {}
private:
    friend class TableView<ProvinceLinkView>;
    const PageContext& m_ctx;
    const std::string& m_slug;
    static std::span<const Member> members();
};

std::span<const ProvinceLinkView::Member> ProvinceLinkView::members() {
    static constexpr Member table[] = {
        {"name", [](const ProvinceLinkView& v, Slot& out) { out.text(province_name(v.m_ctx.model(), v.m_slug)); return true; }},
        {"url", [](const ProvinceLinkView& v, Slot& out) { out.text(v.m_ctx.url(paths::province(v.m_slug))); return true; }},
        {"short", [](const ProvinceLinkView& v, Slot& out) {
             const auto it = v.m_ctx.model().provinces.find(v.m_slug);
             out.text(it == v.m_ctx.model().provinces.end() ? v.m_slug : it->second.short_name);
             return true;
         }},
        {"colour", [](const ProvinceLinkView& v, Slot& out) {
             const auto colour = v.m_ctx.index().province_colour.find(v.m_slug);
             out.text(colour == v.m_ctx.index().province_colour.end() ? "0" : std::to_string(colour->second));
             return true;
         }},
    };
    return table;
}

class KindLinkView final : public TableView<KindLinkView> {
public:
    KindLinkView(const PageContext& ctx, const std::string& key) : m_ctx(ctx), m_key(key) {}
private:
    friend class TableView<KindLinkView>;
    const PageContext& m_ctx;
    const std::string& m_key;
    static std::span<const Member> members();
};

std::span<const KindLinkView::Member> KindLinkView::members() {
    static constexpr Member table[] = {
        {"name", [](const KindLinkView& v, Slot& out) { out.text(kind_name(v.m_ctx.model(), v.m_key)); return true; }},
        {"url", [](const KindLinkView& v, Slot& out) { out.text(v.m_ctx.url(paths::kind(v.m_key))); return true; }},
    };
    return table;
}

class IndicatorLinkView final : public TableView<IndicatorLinkView> {
public:
    IndicatorLinkView(const PageContext& ctx, const std::string& key)
        : m_ctx(ctx), m_key(key), m_indicator(ctx.model().find_indicator(key)) {}
private:
    friend class TableView<IndicatorLinkView>;
    const PageContext& m_ctx;
    const std::string& m_key;
    const model::Indicator* m_indicator;
    static std::span<const Member> members();
};

std::span<const IndicatorLinkView::Member> IndicatorLinkView::members() {
    static constexpr Member table[] = {
        {"name", [](const IndicatorLinkView& v, Slot& out) { out.text(v.m_indicator != nullptr ? v.m_indicator->name : v.m_key); return true; }},
        {"unit", [](const IndicatorLinkView& v, Slot& out) { out.text(v.m_indicator != nullptr ? v.m_indicator->unit : ""); return true; }},
        {"url", [](const IndicatorLinkView& v, Slot& out) { out.text(v.m_ctx.url(paths::indicator(v.m_key))); return true; }},
        {"key", [](const IndicatorLinkView& v, Slot& out) { out.text(v.m_key); return true; }},
    };
    return table;
}

/// A figure's indicator: its name and page only.
class IndicatorNameView final : public TableView<IndicatorNameView> {
public:
    IndicatorNameView(const PageContext& ctx, const std::string& key, const model::Indicator* indicator)
        : m_ctx(ctx), m_key(key), m_indicator(indicator) {}
private:
    friend class TableView<IndicatorNameView>;
    const PageContext& m_ctx;
    const std::string& m_key;
    const model::Indicator* m_indicator;
    static std::span<const Member> members();
};

std::span<const IndicatorNameView::Member> IndicatorNameView::members() {
    static constexpr Member table[] = {
        {"name", [](const IndicatorNameView& v, Slot& out) { out.text(v.m_indicator != nullptr ? v.m_indicator->name : v.m_key); return true; }},
        {"url", [](const IndicatorNameView& v, Slot& out) { out.text(v.m_ctx.url(paths::indicator(v.m_key))); return true; }},
    };
    return table;
}

class SourceLinkView final : public TableView<SourceLinkView> {
public:
    SourceLinkView(const PageContext& ctx, const std::string& key) : m_ctx(ctx), m_key(key) {
        m_source = ctx.model().find_source(key);
    }
private:
    friend class TableView<SourceLinkView>;
    const PageContext& m_ctx;
    const std::string& m_key;
    const model::Source* m_source;
    static std::span<const Member> members();
};

std::span<const SourceLinkView::Member> SourceLinkView::members() {
    static constexpr Member table[] = {
        {"title", [](const SourceLinkView& v, Slot& out) { return v.m_source != nullptr && (out.text(v.m_source->title), true); }},
        {"publisher", [](const SourceLinkView& v, Slot& out) { return v.m_source != nullptr && (out.text(v.m_source->publisher), true); }},
        {"date", [](const SourceLinkView& v, Slot& out) { return v.m_source != nullptr && (out.text(date_text(v.m_source->date)), true); }},
        {"url", [](const SourceLinkView& v, Slot& out) { out.text(v.m_ctx.url(paths::source(v.m_key))); return true; }},
        {"key", [](const SourceLinkView& v, Slot& out) { out.text(v.m_key); return true; }},
    };
    return table;
}

/// A value as the `_figure` partial shows it: the number with its qualifier's symbol, the
/// unit, the qualifier in words, and the value as written when it was converted.
struct Shown {
    Shown(const model::Indicator* indicator, const model::Quantity& quantity, model::Qualifier how)
        : value(display(quantity, how, indicator != nullptr ? indicator->unit : quantity.unit)), written(quantity),
          qualifier(how) {}
    DisplayValue value;
    const model::Quantity& written;
    model::Qualifier qualifier;
};

/// A view with a value (member `shown`): the value's members, then those of `V::own_members`.
template <class V>
class ValueView : public View {
public:
    using Member = MemberOf<V>;
    static std::span<const Member> value_members() {
        static constexpr Member table[] = {
            {"value", [](const V& v, Slot& out) { out.text(v.m_shown.value.symbol + v.m_shown.value.number); return true; }},
            {"number", [](const V& v, Slot& out) { out.text(v.m_shown.value.number); return true; }},
            {"sort", [](const V& v, Slot& out) { out.text(v.m_shown.value.plain); return true; }},
            {"unit", [](const V& v, Slot& out) { out.text(v.m_shown.value.unit); return true; }},
            {"qualifier", [](const V& v, Slot& out) { out.text(qualifier_name(v.m_shown.qualifier)); return true; }},
            {"bounded", [](const V& v, Slot& out) { out.flag(v.m_shown.qualifier != model::Qualifier::none); return true; }},
            {"written", [](const V& v, Slot& out) {
                 return v.m_shown.value.converted && (out.text(format_number(v.m_shown.written.value) + v.m_shown.written.unit), true);
             }},
        };
        return table;
    }
    bool member(std::string_view name, Slot& out) const override {
        for (const std::span<const Member> table : {value_members(), V::own_members()}) {
            for (const Member& m : table) {
                if (m.name == name) {
                    return m.get(static_cast<const V&>(*this), out);
                }
            }
        }
        return false;
    }
    [[nodiscard]] std::vector<std::string_view> names() const override {
        std::vector<std::string_view> out;
        for (const Member& m : value_members()) {
            out.push_back(m.name);
        }
        for (const Member& m : V::own_members()) {
            out.push_back(m.name);
        }
        return out;
    }
};

bool other_period(const model::Fact& fact, std::string_view common_period) {
    return !common_period.empty() && model::to_string(fact.period) != common_period;
}

class FactView final : public ValueView<FactView> {
public:
    FactView(const PageContext& ctx, const model::Park& park, const model::Fact& fact, std::string_view common_period,
             unsigned parts)
        : m_ctx(ctx), m_park(park), m_fact(fact), m_indicator(ctx.model().find_indicator(fact.indicator)),
          m_shown(m_indicator, fact.quantity, fact.qualifier), m_common_period(common_period), m_parts(parts) {}
private:
    friend class ValueView<FactView>;
    const PageContext& m_ctx;
    const model::Park& m_park;
    const model::Fact& m_fact;
    const model::Indicator* m_indicator;
    Shown m_shown;
    std::string_view m_common_period;
    unsigned m_parts;
    static std::span<const Member> own_members();
};

std::span<const FactView::Member> FactView::own_members() {
    static constexpr Member table[] = {
        {"park", [](const FactView& v, Slot& out) {
             return (v.m_parts & PageContext::with_park) != 0 && (out.object(std::make_unique<ParkLinkView>(v.m_ctx, v.m_park)), true);
         }},
        {"province", [](const FactView& v, Slot& out) {
             return (v.m_parts & PageContext::with_province) != 0 &&
                    (out.object(std::make_unique<ProvinceLinkView>(v.m_ctx, v.m_park.province)), true);
         }},
        {"indicator", [](const FactView& v, Slot& out) {
             return (v.m_parts & PageContext::with_indicator) != 0 &&
                    (out.object(std::make_unique<IndicatorLinkView>(v.m_ctx, v.m_fact.indicator)), true);
         }},
        {"basis", [](const FactView& v, Slot& out) { out.text(basis_name(v.m_ctx.model().basis_of(v.m_fact))); return true; }},
        {"basis_overridden", [](const FactView& v, Slot& out) {
             out.flag(v.m_indicator != nullptr && v.m_ctx.model().basis_of(v.m_fact) != v.m_indicator->basis);
             return true;
         }},
        {"period", [](const FactView& v, Slot& out) { out.text(period_text(v.m_fact.period)); return true; }},
        {"other_period", [](const FactView& v, Slot& out) { out.flag(other_period(v.m_fact, v.m_common_period)); return true; }},
        {"source", [](const FactView& v, Slot& out) { out.object(std::make_unique<SourceLinkView>(v.m_ctx, v.m_fact.source)); return true; }},
        {"note", [](const FactView& v, Slot& out) { out.text(v.m_fact.note); return true; }},
    };
    return table;
}

class FigureView final : public ValueView<FigureView> {
public:
    FigureView(const PageContext& ctx, const model::Park& park, const model::Fact& fact, std::string_view common_period)
        : m_ctx(ctx), m_park(park), m_fact(fact), m_indicator(ctx.model().find_indicator(fact.indicator)),
          m_shown(m_indicator, fact.quantity, fact.qualifier), m_common_period(common_period) {}
private:
    friend class ValueView<FigureView>;
    const PageContext& m_ctx;
    const model::Park& m_park;
    const model::Fact& m_fact;
    const model::Indicator* m_indicator;
    Shown m_shown;
    std::string_view m_common_period;
    static std::span<const Member> own_members();
};

std::span<const FigureView::Member> FigureView::own_members() {
    static constexpr Member table[] = {
        {"park", [](const FigureView& v, Slot& out) { out.object(std::make_unique<ParkLinkView>(v.m_ctx, v.m_park)); return true; }},
        {"indicator", [](const FigureView& v, Slot& out) {
             out.object(std::make_unique<IndicatorNameView>(v.m_ctx, v.m_fact.indicator, v.m_indicator));
             return true;
         }},
        {"period", [](const FigureView& v, Slot& out) { out.text(period_text(v.m_fact.period)); return true; }},
        {"other_period", [](const FigureView& v, Slot& out) { out.flag(other_period(v.m_fact, v.m_common_period)); return true; }},
    };
    return table;
}

/// A target's progress: the latest actual of the same indicator, and how far it is.
class ProgressView final : public TableView<ProgressView> {
public:
    ProgressView(const DisplayValue& target, const model::Fact& actual, const std::string& unit)
        : m_actual(display(actual.quantity, actual.qualifier, unit)), m_period(period_text(actual.period)) {
        if (!target.value.is_zero() && !m_actual.value.is_negative() && !target.value.is_negative()) {
            m_ratio = m_actual.value.times(core::Decimal(100)).value_or(core::Decimal()).divided_by(target.value);
        }
    }
private:
    friend class TableView<ProgressView>;
    DisplayValue m_actual;
    std::string m_period;
    std::optional<core::Decimal> m_ratio;
    static std::span<const Member> members();
};

std::span<const ProgressView::Member> ProgressView::members() {
    static constexpr Member table[] = {
        {"actual", [](const ProgressView& v, Slot& out) { out.text(v.m_actual.text); return true; }},
        {"period", [](const ProgressView& v, Slot& out) { out.text(v.m_period); return true; }},
        {"percent", [](const ProgressView& v, Slot& out) { return v.m_ratio && (out.text(v.m_ratio->to_string(0)), true); }},
        {"bar", [](const ProgressView& v, Slot& out) {
             return v.m_ratio && (out.text(fmt::format("{:.0f}", std::clamp(v.m_ratio->to_double(), 0.0, 100.0))), true);
         }},
    };
    return table;
}

class TargetView final : public ValueView<TargetView> {
public:
    TargetView(const PageContext& ctx, const model::Park& park, const model::Target& target)
        : m_ctx(ctx), m_park(park), m_target(target), m_indicator(ctx.model().find_indicator(target.indicator)),
          m_shown(m_indicator, target.quantity, target.qualifier) {}
private:
    friend class ValueView<TargetView>;
    const PageContext& m_ctx;
    const model::Park& m_park;
    const model::Target& m_target;
    const model::Indicator* m_indicator;
    Shown m_shown;
    static std::span<const Member> own_members();
};

std::span<const TargetView::Member> TargetView::own_members() {
    static constexpr Member table[] = {
        {"park", [](const TargetView& v, Slot& out) { out.object(std::make_unique<ParkLinkView>(v.m_ctx, v.m_park)); return true; }},
        {"province", [](const TargetView& v, Slot& out) {
             out.object(std::make_unique<ProvinceLinkView>(v.m_ctx, v.m_park.province));
             return true;
         }},
        {"indicator", [](const TargetView& v, Slot& out) {
             out.object(std::make_unique<IndicatorLinkView>(v.m_ctx, v.m_target.indicator));
             return true;
         }},
        {"by", [](const TargetView& v, Slot& out) { out.text(std::to_string(v.m_target.by)); return true; }},
        {"source", [](const TargetView& v, Slot& out) { out.object(std::make_unique<SourceLinkView>(v.m_ctx, v.m_target.source)); return true; }},
        {"note", [](const TargetView& v, Slot& out) { out.text(v.m_target.note); return true; }},
        {"progress", [](const TargetView& v, Slot& out) {
             const model::Fact* actual = v.m_ctx.model().latest_fact(v.m_park, v.m_target.indicator);
             if (actual == nullptr) {
                 return false;
             }
             const std::string& unit = v.m_indicator != nullptr ? v.m_indicator->unit : v.m_target.quantity.unit;
             out.object(std::make_unique<ProgressView>(v.m_shown.value, *actual, unit));
             return true;
         }},
    };
    return table;
}

/// A park in a list of parks (PageContext::park_summary_view).
class ParkSummaryView final : public TableView<ParkSummaryView> {
public:
    ParkSummaryView(const PageContext& ctx, const model::Park& park, PageContext::SummaryOptions options)
        : m_ctx(ctx), m_park(park), m_options(options) {
        // Its sub-parks in the tree, as far as 16 levels down.
        const auto sub = ctx.index().children.find(park.slug);
        if (options.tree != nullptr && sub != ctx.index().children.end() && options.depth < 16) {
            for (const auto* child : sub->second) {
                if (options.tree->contains(child->slug)) {
                    m_children.push_back(child);
                }
            }
        }
        if (!options.figures) {
            return;
        }
        std::vector<const std::string*> seen; // the first four indicators, in the order of the facts
        for (const auto& fact : park.facts) {
            if (seen.size() < 4 && std::none_of(seen.begin(), seen.end(), [&](const std::string* i) { return *i == fact.indicator; })) {
                seen.push_back(&fact.indicator);
                m_key_facts.push_back(ctx.model().latest_fact(park, fact.indicator));
            }
        }
    }

private:
    friend class TableView<ParkSummaryView>;
    const PageContext& m_ctx;
    const model::Park& m_park;
    PageContext::SummaryOptions m_options;
    std::vector<const model::Fact*> m_key_facts;
    std::vector<const model::Park*> m_children;

    /// A member of the park's link, which a summary starts from.
    [[nodiscard]] bool link_member(std::string_view name, Slot& out) const {
        return ParkLinkView(m_ctx, m_park).member(name, out);
    }

    static std::span<const Member> members();
};

std::span<const ParkSummaryView::Member> ParkSummaryView::members() {
    static constexpr Member table[] = {
        {"name", [](const ParkSummaryView& v, Slot& out) { return v.link_member("name", out); }},
        {"url", [](const ParkSummaryView& v, Slot& out) { return v.link_member("url", out); }},
        {"slug", [](const ParkSummaryView& v, Slot& out) { return v.link_member("slug", out); }},
        {"kind", [](const ParkSummaryView& v, Slot& out) { out.object(std::make_unique<KindLinkView>(v.m_ctx, v.m_park.kind)); return true; }},
        {"level", [](const ParkSummaryView& v, Slot& out) { out.text(level_name(v.m_park.level)); return true; }},
        {"city", [](const ParkSummaryView& v, Slot& out) { out.text(v.m_park.city); return true; }},
        {"province", [](const ParkSummaryView& v, Slot& out) {
             out.object(std::make_unique<ProvinceLinkView>(v.m_ctx, v.m_park.province));
             return true;
         }},
        {"has_key_facts", [](const ParkSummaryView& v, Slot& out) { out.flag(!v.m_key_facts.empty()); return true; }},
        {"key_facts", [](const ParkSummaryView& v, Slot& out) {
             out.list(v.m_key_facts.size(), [&v](std::size_t i) { return v.m_ctx.figure_view(v.m_park, *v.m_key_facts[i]); });
             return true;
         }},
        {"facts_count", [](const ParkSummaryView& v, Slot& out) { out.text(std::to_string(v.m_park.facts.size())); return true; }},
        {"targets_count", [](const ParkSummaryView& v, Slot& out) { out.text(std::to_string(v.m_park.targets.size())); return true; }},
        {"has_children", [](const ParkSummaryView& v, Slot& out) {
             return v.m_options.tree != nullptr && (out.flag(!v.m_children.empty()), true);
         }},
        {"children", [](const ParkSummaryView& v, Slot& out) {
             if (v.m_options.tree == nullptr) {
                 return false;
             }
             PageContext::SummaryOptions options = v.m_options;
             ++options.depth;
             // The view outlives its list: the list is entered and left within the view's row.
             out.list(v.m_children.size(), [&v, options](std::size_t i) {
                 return v.m_ctx.park_summary_view(*v.m_children[i], options);
             });
             return true;
         }},
        {"parent", [](const ParkSummaryView& v, Slot& out) {
             const model::Park* parent = v.m_options.parent ? v.m_ctx.model().find_park(v.m_park.parent) : nullptr;
             return parent != nullptr && (out.object(std::make_unique<ParkLinkView>(v.m_ctx, *parent)), true);
         }},
    };
    return table;
}

} // namespace

Data PageContext::park_link(const model::Park& park) const { return materialize(ParkLinkView(*this, park)); }
Data PageContext::province_link(const std::string& slug) const { return materialize(ProvinceLinkView(*this, slug)); }
Data PageContext::kind_link(const std::string& key) const { return materialize(KindLinkView(*this, key)); }
Data PageContext::indicator_link(const std::string& key) const { return materialize(IndicatorLinkView(*this, key)); }
Data PageContext::source_link(const std::string& key) const { return materialize(SourceLinkView(*this, key)); }

std::string PageContext::fact_text(const model::Fact& fact) const {
    const auto* ind = m_model.find_indicator(fact.indicator);
    const auto v = display(fact.quantity, fact.qualifier, ind != nullptr ? ind->unit : fact.quantity.unit);
    return fmt::format("{}（{}）", v.text, period_text(fact.period));
}

std::string PageContext::target_text(const model::Target& target) const {
    const auto* ind = m_model.find_indicator(target.indicator);
    const auto v = display(target.quantity, target.qualifier, ind != nullptr ? ind->unit : target.quantity.unit);
    return fmt::format("{}（{}年目标）", v.text, target.by);
}

std::unique_ptr<View> PageContext::fact_view(const model::Park& park, const model::Fact& fact, std::string_view common_period,
                                             unsigned parts) const {
    return std::make_unique<FactView>(*this, park, fact, common_period, parts);
}

std::unique_ptr<View> PageContext::figure_view(const model::Park& park, const model::Fact& fact,
                                               std::string_view common_period) const {
    return std::make_unique<FigureView>(*this, park, fact, common_period);
}

std::unique_ptr<View> PageContext::target_view(const model::Park& park, const model::Target& target) const {
    return std::make_unique<TargetView>(*this, park, target);
}

Data PageContext::fact(const model::Park& park, const model::Fact& fact, std::string_view common_period,
                       unsigned parts) const {
    return materialize(FactView(*this, park, fact, common_period, parts));
}

Data PageContext::figure(const model::Park& park, const model::Fact& fact, std::string_view common_period) const {
    return materialize(FigureView(*this, park, fact, common_period));
}

Data PageContext::target(const model::Park& park, const model::Target& target) const {
    return materialize(TargetView(*this, park, target));
}

std::unique_ptr<View> PageContext::source_view(const std::string& key) const {
    return std::make_unique<SourceLinkView>(*this, key);
}

std::unique_ptr<View> PageContext::park_summary_view(const model::Park& park, SummaryOptions options) const {
    return std::make_unique<ParkSummaryView>(*this, park, options);
}

Data PageContext::park_summary(const model::Park& park, SummaryOptions options) const {
    return materialize(ParkSummaryView(*this, park, options));
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
            const model::Source* src = m_model.find_source(key);
            std::string title = src == nullptr ? ""
                                               : fmt::format("来源：{}（{}，{}）", src->title, src->publisher,
                                                             date_text(src->date));
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
