#include "compute/diff.hpp"

#include "model/units.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace parkpress::compute {
namespace {

// ---- line counts --------------------------------------------------------------------------

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        end = end == std::string_view::npos ? text.size() : end;
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = next;
    }
    return lines;
}

/// Myers' greedy algorithm: the length of the shortest edit script between a and b, or nullopt
/// when it exceeds `max_d` or the work exceeds `budget` steps.
std::optional<std::size_t> edit_distance(const std::vector<int>& a, const std::vector<int>& b, std::size_t max_d,
                                         std::size_t budget) {
    const auto n = static_cast<std::ptrdiff_t>(a.size());
    const auto m = static_cast<std::ptrdiff_t>(b.size());
    const std::ptrdiff_t limit = std::min<std::ptrdiff_t>(n + m, static_cast<std::ptrdiff_t>(max_d));
    const std::ptrdiff_t offset = limit + 1;
    std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * limit + 3), 0);
    auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& { return v[static_cast<std::size_t>(k + offset)]; };
    std::size_t work = 0;
    for (std::ptrdiff_t d = 0; d <= limit; ++d) {
        for (std::ptrdiff_t k = -d; k <= d; k += 2) {
            std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::ptrdiff_t y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
                ++x;
                ++y;
                ++work;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                return static_cast<std::size_t>(d);
            }
        }
        work += static_cast<std::size_t>(d) + 1;
        if (work > budget) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// ---- fields -------------------------------------------------------------------------------

void compare(std::vector<FieldChange>& out, const char* field, const std::string& before, const std::string& after) {
    if (before != after) {
        out.push_back({field, before, after});
    }
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : ", ") + i;
    }
    return out;
}

std::string area_text(const std::optional<model::Area>& area) {
    if (!area) {
        return "";
    }
    std::string text = area->quantity.value.to_string() + area->quantity.unit;
    return area->source.empty() ? text : fmt::format("{} (source {})", text, area->source);
}

std::string kinds_text(const std::vector<model::Kind>& kinds) {
    std::vector<std::string> items;
    for (const auto& k : kinds) {
        items.push_back(fmt::format("{} {}{}", k.key, k.name, k.name_en.empty() ? "" : " / " + k.name_en));
    }
    return join(items);
}

std::vector<FieldChange> site_fields(const model::Site& a, const model::Site& b) {
    std::vector<FieldChange> out;
    compare(out, "title", a.title, b.title);
    compare(out, "description", a.description, b.description);
    compare(out, "language", a.language, b.language);
    compare(out, "base_url", a.base_url, b.base_url);
    compare(out, "kinds", kinds_text(a.kinds), kinds_text(b.kinds));
    return out;
}

std::vector<FieldChange> fields_of(const model::Province& a, const model::Province& b) {
    std::vector<FieldChange> out;
    compare(out, "name", a.name, b.name);
    compare(out, "short", a.short_name, b.short_name);
    compare(out, "name_en", a.name_en, b.name_en);
    compare(out, "code", std::to_string(a.code), std::to_string(b.code));
    return out;
}

std::vector<FieldChange> fields_of(const model::Indicator& a, const model::Indicator& b) {
    std::vector<FieldChange> out;
    compare(out, "name", a.name, b.name);
    compare(out, "name_en", a.name_en, b.name_en);
    compare(out, "dimension", model::to_string(a.dimension), model::to_string(b.dimension));
    compare(out, "unit", a.unit, b.unit);
    compare(out, "basis", model::to_string(a.basis), model::to_string(b.basis));
    compare(out, "better", model::to_string(a.better), model::to_string(b.better));
    compare(out, "description", a.description, b.description);
    return out;
}

std::vector<FieldChange> fields_of(const model::Source& a, const model::Source& b) {
    std::vector<FieldChange> out;
    compare(out, "title", a.title, b.title);
    compare(out, "publisher", a.publisher, b.publisher);
    compare(out, "date", model::to_string(a.date), model::to_string(b.date));
    compare(out, "url", a.url, b.url);
    return out;
}

std::vector<FieldChange> fields_of(const model::Bulletin& a, const model::Bulletin& b) {
    std::vector<FieldChange> out;
    compare(out, "title", a.title, b.title);
    compare(out, "number", a.number, b.number);
    compare(out, "date", model::to_string(a.date), model::to_string(b.date));
    compare(out, "period", model::to_string(a.period), model::to_string(b.period));
    compare(out, "indicators", join(a.indicators), join(b.indicators));
    compare(out, "provinces", join(a.provinces), join(b.provinces));
    compare(out, "kinds", join(a.kinds), join(b.kinds));
    compare(out, "parks", join(a.parks), join(b.parks));
    compare(out, "since", a.since, b.since);
    return out;
}

std::vector<FieldChange> fields_of(const model::Park& a, const model::Park& b) {
    std::vector<FieldChange> out;
    compare(out, "province", a.province, b.province);
    compare(out, "name", a.name, b.name);
    compare(out, "name_en", a.name_en, b.name_en);
    compare(out, "city", a.city, b.city);
    compare(out, "kind", a.kind, b.kind);
    compare(out, "level", model::to_string(a.level), model::to_string(b.level));
    compare(out, "parent", a.parent, b.parent);
    compare(out, "founded", a.founded ? std::to_string(*a.founded) : "", b.founded ? std::to_string(*b.founded) : "");
    compare(out, "industries", join(a.industries), join(b.industries));
    compare(out, "area", area_text(a.area), area_text(b.area));
    return out;
}

std::optional<LineCount> narrative_change(const std::optional<model::Narrative>& a, const std::optional<model::Narrative>& b) {
    const std::string_view before = a ? std::string_view(a->text) : std::string_view();
    const std::string_view after = b ? std::string_view(b->text) : std::string_view();
    if (before == after) {
        return std::nullopt;
    }
    const LineCount count = count_changed_lines(before, after);
    if (count.added == 0 && count.removed == 0) {
        return std::nullopt; // line endings only
    }
    return count;
}

// ---- keyed entries (provinces, indicators, sources, bulletins) -----------------------------

/// Walks two maps (or sorted vectors seen through `key`) in key order and calls `visit` with
/// the entry on each side (nullptr where it is absent).
template <typename T, typename Visit>
void merge_by_key(const std::map<std::string, T>& a, const std::map<std::string, T>& b, Visit visit) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a) {
        keys.insert(k);
    }
    for (const auto& [k, v] : b) {
        keys.insert(k);
    }
    for (const auto& k : keys) {
        const auto ia = a.find(k);
        const auto ib = b.find(k);
        visit(k, ia == a.end() ? nullptr : &ia->second, ib == b.end() ? nullptr : &ib->second);
    }
}

template <typename T, typename Name>
std::vector<EntryChange> diff_entries(const std::map<std::string, T>& a, const std::map<std::string, T>& b, Name name) {
    std::vector<EntryChange> out;
    merge_by_key(a, b, [&](const std::string& key, const T* x, const T* y) {
        if (x == nullptr || y == nullptr) {
            out.push_back({x == nullptr ? Change::added : Change::removed, key, name(x == nullptr ? *y : *x), {}, {}});
            return;
        }
        auto fields = fields_of(*x, *y);
        if (!fields.empty()) {
            out.push_back({Change::changed, key, name(*y), std::move(fields), {}});
        }
    });
    return out;
}

std::vector<EntryChange> diff_bulletins(const std::vector<model::Bulletin>& a, const std::vector<model::Bulletin>& b) {
    std::map<std::string, const model::Bulletin*> ma;
    std::map<std::string, const model::Bulletin*> mb;
    for (const auto& x : a) {
        ma.emplace(x.id, &x);
    }
    for (const auto& x : b) {
        mb.emplace(x.id, &x);
    }
    std::vector<EntryChange> out;
    merge_by_key(ma, mb, [&](const std::string& id, const model::Bulletin* const* x, const model::Bulletin* const* y) {
        if (x == nullptr || y == nullptr) {
            out.push_back({x == nullptr ? Change::added : Change::removed, id, (x == nullptr ? *y : *x)->title, {}, {}});
            return;
        }
        EntryChange change{Change::changed, id, (*y)->title, fields_of(**x, **y), narrative_change((*x)->narrative, (*y)->narrative)};
        if (!change.fields.empty() || change.narrative) {
            out.push_back(std::move(change));
        }
    });
    return out;
}

// ---- figures ------------------------------------------------------------------------------

/// Pairs the elements of two lists that share a key, in the order they are written, and
/// calls `visit(key, a or nullptr, b or nullptr)` for each pair, in key order.
template <typename T, typename Key, typename KeyOf, typename Visit>
void pair_by_key(const std::vector<T>& a, const std::vector<T>& b, KeyOf key_of, Visit visit) {
    std::map<Key, std::pair<std::vector<const T*>, std::vector<const T*>>> groups;
    for (const auto& x : a) {
        groups[key_of(x)].first.push_back(&x);
    }
    for (const auto& y : b) {
        groups[key_of(y)].second.push_back(&y);
    }
    for (const auto& [key, lists] : groups) {
        const auto& [xs, ys] = lists;
        for (std::size_t i = 0; i < std::max(xs.size(), ys.size()); ++i) {
            visit(i < xs.size() ? xs[i] : nullptr, i < ys.size() ? ys[i] : nullptr);
        }
    }
}

std::string display_unit(const model::SiteModel& m, const std::string& indicator, const std::string& fallback) {
    const auto it = m.indicators.find(indicator);
    return it == m.indicators.end() ? fallback : it->second.unit;
}

std::string indicator_name(const model::SiteModel& a, const model::SiteModel& b, const std::string& indicator) {
    for (const auto* m : {&b, &a}) {
        if (const auto it = m->indicators.find(indicator); it != m->indicators.end()) {
            return it->second.name;
        }
    }
    return "";
}

Figure figure_of(const model::SiteModel& m, const model::Fact& f) {
    return {f.quantity, f.qualifier, m.basis_of(f), f.source, f.note, display_unit(m, f.indicator, f.quantity.unit)};
}

Figure figure_of(const model::SiteModel& m, const model::Target& t) {
    return {t.quantity, t.qualifier, std::nullopt, t.source, t.note, display_unit(m, t.indicator, t.quantity.unit)};
}

/// Whether two quantities are the same amount: 103 亿元 is 1030000 万元.
bool same_amount(const model::Quantity& a, const model::Quantity& b) {
    const auto converted = model::convert(b.value, b.unit, a.unit);
    return converted ? *converted == a.value : a.value == b.value;
}

std::vector<std::string> changed_fields(const Figure& a, const Figure& b) {
    std::vector<std::string> out;
    if (!same_amount(a.quantity, b.quantity)) {
        out.emplace_back("value");
    }
    if (a.quantity.unit != b.quantity.unit) {
        out.emplace_back("unit");
    }
    if (a.qualifier != b.qualifier) {
        out.emplace_back("qualifier");
    }
    if (a.basis != b.basis) {
        out.emplace_back("basis");
    }
    if (a.source != b.source) {
        out.emplace_back("source");
    }
    if (a.note != b.note) {
        out.emplace_back("note");
    }
    return out;
}

/// Fills a fact or target change from the figures on each side; false when nothing changed.
template <typename C, typename T>
bool fill_figure(C& c, const model::SiteModel& ma, const model::SiteModel& mb, const T* a, const T* b) {
    const T& any = b != nullptr ? *b : *a;
    c.indicator = any.indicator;
    c.indicator_name = indicator_name(ma, mb, any.indicator);
    if (a != nullptr) {
        c.before = figure_of(ma, *a);
    }
    if (b != nullptr) {
        c.after = figure_of(mb, *b);
    }
    if (a == nullptr || b == nullptr) {
        c.change = a == nullptr ? Change::added : Change::removed;
        return true;
    }
    c.change = Change::changed;
    c.fields = changed_fields(*c.before, *c.after);
    return !c.fields.empty();
}

/// Facts in time order within an indicator: a year before a day of its last day.
using FactKey = std::tuple<std::string, model::Date, bool, int>;

FactKey fact_key(const model::Fact& f) {
    return {f.indicator, f.period.end(), f.period.date.has_value(), f.period.year};
}

void diff_figures(ParkChange& out, const model::SiteModel& ma, const model::SiteModel& mb, const model::Park* a,
                  const model::Park* b) {
    static const model::Park none;
    const model::Park& pa = a != nullptr ? *a : none;
    const model::Park& pb = b != nullptr ? *b : none;
    pair_by_key<model::Fact, FactKey>(pa.facts, pb.facts, fact_key, [&](const model::Fact* x, const model::Fact* y) {
        FactChange c;
        c.period = (y != nullptr ? y : x)->period;
        if (fill_figure(c, ma, mb, x, y)) {
            out.facts.push_back(std::move(c));
        }
    });
    using TargetKey = std::pair<std::string, int>;
    pair_by_key<model::Target, TargetKey>(
        pa.targets, pb.targets, [](const model::Target& t) { return TargetKey{t.indicator, t.by}; },
        [&](const model::Target* x, const model::Target* y) {
            TargetChange c;
            c.by = (y != nullptr ? y : x)->by;
            if (fill_figure(c, ma, mb, x, y)) {
                out.targets.push_back(std::move(c));
            }
        });
    using RankKey = std::tuple<std::string, std::string, std::string>;
    pair_by_key<model::Rank, RankKey>(
        pa.ranks, pb.ranks, [](const model::Rank& r) { return RankKey{r.system, r.cohort, r.period}; },
        [&](const model::Rank* x, const model::Rank* y) {
            const model::Rank& any = y != nullptr ? *y : *x;
            RankChange c{Change::changed, any.system, any.cohort, any.period, {}, {}, {}};
            if (x != nullptr) {
                c.before = RankState{x->rank, x->of, x->source};
            }
            if (y != nullptr) {
                c.after = RankState{y->rank, y->of, y->source};
            }
            if (x == nullptr || y == nullptr) {
                c.change = x == nullptr ? Change::added : Change::removed;
            } else {
                if (x->rank != y->rank) {
                    c.fields.emplace_back("rank");
                }
                if (x->of != y->of) {
                    c.fields.emplace_back("of");
                }
                if (x->source != y->source) {
                    c.fields.emplace_back("source");
                }
                if (c.fields.empty()) {
                    return;
                }
            }
            out.ranks.push_back(std::move(c));
        });
}

std::string province_name(const model::SiteModel& m, const std::string& slug) {
    const auto it = m.provinces.find(slug);
    return it == m.provinces.end() ? slug : it->second.name;
}

std::vector<ParkChange> diff_parks(const model::SiteModel& ma, const model::SiteModel& mb) {
    std::map<std::string, const model::Park*> pa;
    std::map<std::string, const model::Park*> pb;
    for (const auto& p : ma.parks) {
        pa.emplace(p.slug, &p);
    }
    for (const auto& p : mb.parks) {
        pb.emplace(p.slug, &p);
    }
    std::vector<ParkChange> out;
    merge_by_key(pa, pb, [&](const std::string& slug, const model::Park* const* x, const model::Park* const* y) {
        const model::Park* a = x != nullptr ? *x : nullptr;
        const model::Park* b = y != nullptr ? *y : nullptr;
        const model::Park& any = b != nullptr ? *b : *a;
        const model::SiteModel& any_model = b != nullptr ? mb : ma;
        ParkChange c;
        c.change = a == nullptr ? Change::added : b == nullptr ? Change::removed : Change::changed;
        c.slug = slug;
        c.name = any.name;
        c.province = any.province;
        c.province_name = province_name(any_model, any.province);
        if (a != nullptr && b != nullptr) {
            c.fields = fields_of(*a, *b);
        }
        diff_figures(c, ma, mb, a, b);
        c.narrative = narrative_change(a != nullptr ? a->narrative : std::nullopt, b != nullptr ? b->narrative : std::nullopt);
        if (c.change != Change::changed || !c.fields.empty() || !c.facts.empty() || !c.targets.empty()
            || !c.ranks.empty() || c.narrative) {
            out.push_back(std::move(c));
        }
    });
    std::stable_sort(out.begin(), out.end(), [](const ParkChange& x, const ParkChange& y) {
        return std::tie(x.province, x.slug) < std::tie(y.province, y.slug);
    });
    return out;
}

} // namespace

std::string to_string(Change change) {
    switch (change) {
    case Change::added: return "added";
    case Change::removed: return "removed";
    case Change::changed: return "changed";
    }
    return "";
}

bool ContentDiff::empty() const {
    return site.empty() && provinces.empty() && indicators.empty() && sources.empty() && parks.empty()
           && bulletins.empty();
}

DiffTotals::DiffTotals(const ContentDiff& diff) {
    auto count_narrative = [this](const std::optional<LineCount>& n) {
        if (n) {
            ++narratives;
            lines_added += n->added;
            lines_removed += n->removed;
        }
    };
    for (const auto& p : diff.parks) {
        parks.count(p.change);
        for (const auto& f : p.facts) {
            facts.count(f.change);
        }
        for (const auto& t : p.targets) {
            targets.count(t.change);
        }
        for (const auto& r : p.ranks) {
            ranks.count(r.change);
        }
        count_narrative(p.narrative);
    }
    for (const auto& [list, tally] : {std::pair{&diff.provinces, &provinces}, {&diff.indicators, &indicators},
                                      {&diff.sources, &sources}, {&diff.bulletins, &bulletins}}) {
        for (const auto& e : *list) {
            tally->count(e.change);
            count_narrative(e.narrative);
        }
    }
    site_fields = diff.site.size();
}

ContentDiff diff(const model::SiteModel& before, const model::SiteModel& after) {
    ContentDiff out;
    out.site = site_fields(before.site, after.site);
    out.provinces = diff_entries(before.provinces, after.provinces, [](const model::Province& p) { return p.name; });
    out.indicators = diff_entries(before.indicators, after.indicators, [](const model::Indicator& i) { return i.name; });
    out.sources = diff_entries(before.sources, after.sources, [](const model::Source& s) { return s.title; });
    out.parks = diff_parks(before, after);
    out.bulletins = diff_bulletins(before.bulletins, after.bulletins);
    return out;
}

LineCount count_changed_lines(std::string_view before, std::string_view after) {
    const auto a_lines = split_lines(before);
    const auto b_lines = split_lines(after);
    // Lines common to both ends cost nothing and need no search.
    std::size_t head = 0;
    while (head < a_lines.size() && head < b_lines.size() && a_lines[head] == b_lines[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < a_lines.size() - head && tail < b_lines.size() - head
           && a_lines[a_lines.size() - 1 - tail] == b_lines[b_lines.size() - 1 - tail]) {
        ++tail;
    }
    // Lines as numbers, so that the search compares integers.
    std::unordered_map<std::string_view, int> ids;
    auto intern = [&](const std::vector<std::string_view>& lines) {
        std::vector<int> out;
        out.reserve(lines.size() - head - tail);
        for (std::size_t i = head; i < lines.size() - tail; ++i) {
            out.push_back(ids.try_emplace(lines[i], static_cast<int>(ids.size())).first->second);
        }
        return out;
    };
    const auto a = intern(a_lines);
    const auto b = intern(b_lines);
    if (a.empty() || b.empty()) {
        return {b.size(), a.size()};
    }
    constexpr std::size_t k_budget = 100'000'000;
    if (const auto d = edit_distance(a, b, k_exact_line_limit, k_budget)) {
        const std::size_t common = (a.size() + b.size() - *d) / 2;
        return {b.size() - common, a.size() - common};
    }
    std::unordered_map<int, std::ptrdiff_t> balance;
    for (const int x : a) {
        ++balance[x];
    }
    std::size_t common = 0;
    for (const int y : b) {
        if (auto& n = balance[y]; n > 0) {
            --n;
            ++common;
        }
    }
    return {b.size() - common, a.size() - common};
}

} // namespace parkpress::compute
