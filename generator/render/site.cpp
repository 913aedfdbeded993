#include "render/site.hpp"

#include "compute/bulletin.hpp"
#include "render/bulletin.hpp"
#include "render/context.hpp"
#include "render/export.hpp"
#include "render/format.hpp"
#include "render/html.hpp"
#include "render/svg.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace parkpress::render {
namespace {

using compute::FactEntry;
using compute::IndicatorIndex;

Data list_of(const std::vector<Data>& items) {
    Data list{Data::type::list};
    for (const auto& item : items) {
        list.push_back(item);
    }
    return list;
}

class SiteRenderer {
public:
    SiteRenderer(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, bool with_pdf)
        : m_model(model), m_index(index), m_templates(theme), m_theme(theme), m_with_pdf(with_pdf) {}

    OutputFiles run() {
        m_files = m_theme.assets;
        home();
        parks_index();
        for (const auto& park : m_model.parks) {
            park_page(park);
        }
        provinces_index();
        for (const auto& slug : m_index.province_order) {
            province_page(slug);
        }
        kinds_index();
        for (const auto& kind : m_model.site.kinds) {
            kind_page(kind);
        }
        indicators_index();
        for (const auto& [key, ii] : m_index.indicators) {
            indicator_page(ii);
        }
        compare_page();
        sources_page();
        bulletins_index();
        for (const auto& b : m_model.bulletins) {
            bulletin_page(b);
        }
        feed();
        not_found();
        for (auto& [path, bytes] : render_exports(m_model)) {
            m_files[path] = std::move(bytes);
        }
        sitemap();
        m_files["robots.txt"] = fmt::format("User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n", m_model.site.base_url);
        return std::move(m_files);
    }

private:
    /// Renders a page template into the layout and stores it.
    void emit(const std::string& path, const std::string& template_name, Data data, const std::string& title,
              const std::string& section) {
        const PageContext ctx(m_model, m_index, path);
        data.set("root", ctx.url("index.html").substr(0, ctx.url("index.html").size() - std::string("index.html").size()));
        data.set("site_title", m_model.site.title);
        const std::string content = m_templates.render(template_name, data);
        Data layout;
        layout.set("title", title);
        layout.set("full_title", title == m_model.site.title ? title : title + " · " + m_model.site.title);
        layout.set("site_title", m_model.site.title);
        layout.set("site_description", m_model.site.description);
        layout.set("language", m_model.site.language);
        layout.set("root", data.get("root")->string_value());
        layout.set("content", content);
        layout.set("section_" + section, true);
        m_files[path] = m_templates.render("layout", layout);
        m_pages.push_back(path);
    }

    Data park_summary(const PageContext& ctx, const model::Park& park) const {
        Data d = ctx.park_link(park);
        d.set("kind", ctx.kind_link(park.kind));
        d.set("level", level_name(park.level));
        d.set("city", park.city);
        d.set("province", ctx.province_link(park.province));
        std::vector<Data> key_facts;
        std::set<std::string> seen;
        for (const auto& fact : park.facts) {
            if (seen.insert(fact.indicator).second && key_facts.size() < 4) {
                key_facts.push_back(ctx.fact(park, *m_model.latest_fact(park, fact.indicator)));
            }
        }
        d.set("has_key_facts", !key_facts.empty());
        d.set("key_facts", list_of(key_facts));
        d.set("facts_count", std::to_string(park.facts.size()));
        d.set("targets_count", std::to_string(park.targets.size()));
        return d;
    }

    /// Parks as a tree: top-level parks of the list, each with its sub-parks nested.
    Data park_tree(const PageContext& ctx, const std::vector<const model::Park*>& parks) const {
        std::set<std::string> in_list;
        for (const auto* p : parks) {
            in_list.insert(p->slug);
        }
        std::vector<Data> roots;
        for (const auto* p : parks) {
            if (p->parent.empty() || !in_list.contains(p->parent)) {
                roots.push_back(park_node(ctx, *p, in_list, 0));
            }
        }
        return list_of(roots);
    }

    Data park_node(const PageContext& ctx, const model::Park& park, const std::set<std::string>& in_list, int depth) const {
        Data d = park_summary(ctx, park);
        std::vector<Data> children;
        const auto it = m_index.children.find(park.slug);
        if (it != m_index.children.end() && depth < 16) {
            for (const auto* child : it->second) {
                if (in_list.contains(child->slug)) {
                    children.push_back(park_node(ctx, *child, in_list, depth + 1));
                }
            }
        }
        d.set("children", list_of(children));
        d.set("has_children", !children.empty());
        return d;
    }

    void home() {
        const PageContext ctx(m_model, m_index, paths::home());
        Data d;
        d.set("description", m_model.site.description);
        std::size_t facts = 0;
        std::size_t targets = 0;
        for (const auto& p : m_model.parks) {
            facts += p.facts.size();
            targets += p.targets.size();
        }
        d.set("parks_count", std::to_string(m_model.parks.size()));
        d.set("provinces_count", std::to_string(m_index.province_order.size()));
        d.set("facts_count", std::to_string(facts));
        d.set("targets_count", std::to_string(targets));
        d.set("sources_count", std::to_string(m_model.sources.size()));
        // Counts by province and kind.
        std::vector<Data> kinds;
        for (const auto& kind : m_model.site.kinds) {
            kinds.push_back(ctx.kind_link(kind.key));
        }
        d.set("kinds", list_of(kinds));
        std::vector<Data> rows;
        for (const auto& slug : m_index.province_order) {
            Data row = ctx.province_link(slug);
            const auto parks = m_index.parks_by_province.find(slug);
            const std::size_t total = parks == m_index.parks_by_province.end() ? 0 : parks->second.size();
            row.set("count", std::to_string(total));
            std::vector<Data> cells;
            for (const auto& kind : m_model.site.kinds) {
                std::size_t n = 0;
                if (parks != m_index.parks_by_province.end()) {
                    n = static_cast<std::size_t>(std::count_if(parks->second.begin(), parks->second.end(),
                                                               [&](const model::Park* p) { return p->kind == kind.key; }));
                }
                Data cell;
                cell.set("count", n == 0 ? std::string("–") : std::to_string(n));
                cells.push_back(cell);
            }
            row.set("cells", list_of(cells));
            rows.push_back(row);
        }
        d.set("province_rows", list_of(rows));
        d.set("bulletins", bulletin_list(ctx, 5));
        d.set("has_bulletins", !m_model.bulletins.empty());
        d.set("headlines", headlines(ctx));
        emit(paths::home(), "home", d, m_model.site.title, "home");
    }

    /// Indicators reported by the most parks across at least two provinces, top five each.
    Data headlines(const PageContext& ctx) const {
        std::vector<const IndicatorIndex*> candidates;
        for (const auto& [key, ii] : m_index.indicators) {
            std::set<std::string> provinces;
            for (const auto& f : ii.facts) {
                provinces.insert(f.park->province);
            }
            if (ii.facts.size() >= 2 && provinces.size() >= 2) {
                candidates.push_back(&ii);
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(), [](const IndicatorIndex* a, const IndicatorIndex* b) {
            return a->facts.size() > b->facts.size();
        });
        std::vector<Data> out;
        for (std::size_t i = 0; i < candidates.size() && i < 3; ++i) {
            const IndicatorIndex& ii = *candidates[i];
            Data h = ctx.indicator_link(ii.indicator->key);
            std::vector<Data> rows;
            for (std::size_t r = 0; r < ii.facts.size() && r < 5; ++r) {
                rows.push_back(ctx.fact(*ii.facts[r].park, *ii.facts[r].fact, ii.common_period));
            }
            h.set("rows", list_of(rows));
            h.set("reporting", std::to_string(ii.facts.size()));
            out.push_back(h);
        }
        return list_of(out);
    }

    Data bulletin_list(const PageContext& ctx, std::size_t limit) const {
        std::vector<const model::Bulletin*> sorted;
        for (const auto& b : m_model.bulletins) {
            sorted.push_back(&b);
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const model::Bulletin* a, const model::Bulletin* b) { return b->date < a->date; });
        std::vector<Data> out;
        for (std::size_t i = 0; i < sorted.size() && i < limit; ++i) {
            const model::Bulletin& b = *sorted[i];
            Data d;
            d.set("url", ctx.url(paths::bulletin(b.id)));
            if (m_with_pdf) {
                d.set("pdf_url", ctx.url(paths::bulletin_pdf(b.id)));
            }
            d.set("title", b.title);
            d.set("number", b.number);
            d.set("date", date_text(b.date));
            d.set("period", period_text(b.period));
            d.set("parks_count", std::to_string(m_model.bulletin_parks(b).size()));
            std::vector<Data> indicators;
            for (const auto& key : b.indicators) {
                indicators.push_back(ctx.indicator_link(key));
            }
            d.set("indicators", list_of(indicators));
            out.push_back(d);
        }
        return list_of(out);
    }

    void parks_index() {
        const PageContext ctx(m_model, m_index, paths::parks_index());
        std::vector<Data> groups;
        for (const auto& slug : m_index.province_order) {
            Data g = ctx.province_link(slug);
            const auto it = m_index.parks_by_province.find(slug);
            g.set("parks", park_tree(ctx, it == m_index.parks_by_province.end() ? std::vector<const model::Park*>{}
                                                                                 : it->second));
            groups.push_back(g);
        }
        Data d;
        d.set("groups", list_of(groups));
        emit(paths::parks_index(), "parks", d, "园区", "parks");
    }

    void park_page(const model::Park& park) {
        const std::string path = paths::park(park.slug);
        const PageContext ctx(m_model, m_index, path);
        Data d = park_summary(ctx, park);
        d.set("name_en", park.name_en);
        if (park.founded) {
            d.set("founded", std::to_string(*park.founded));
        }
        std::string industries;
        for (const auto& i : park.industries) {
            industries += (industries.empty() ? "" : "、") + i;
        }
        d.set("industries", industries);
        if (park.area) {
            const auto v = display(park.area->quantity, model::Qualifier::none, park.area->quantity.unit);
            Data area;
            area.set("text", v.text);
            if (v.unit != "平方公里") {
                const auto km2 = display(park.area->quantity, model::Qualifier::none, "平方公里");
                area.set("km2", km2.text);
            }
            if (!park.area->source.empty()) {
                area.set("source", ctx.source_link(park.area->source));
            }
            d.set("area", area);
        }
        if (const model::Park* parent = m_model.find_park(park.parent)) {
            d.set("parent", ctx.park_link(*parent));
        }
        std::vector<Data> children;
        if (const auto it = m_index.children.find(park.slug); it != m_index.children.end()) {
            for (const auto* child : it->second) {
                Data c = ctx.park_link(*child);
                c.set("kind", ctx.kind_link(child->kind));
                children.push_back(c);
            }
        }
        d.set("children", list_of(children));
        d.set("has_children", !children.empty());
        if (park.narrative) {
            d.set("narrative", ctx.narrative_html(*park.narrative, &park));
        }
        std::vector<Data> facts;
        for (const auto& f : park.facts) {
            facts.push_back(ctx.fact(park, f));
        }
        d.set("facts", list_of(facts));
        d.set("has_facts", !facts.empty());
        std::vector<Data> targets;
        for (const auto& t : park.targets) {
            targets.push_back(ctx.target(park, t));
        }
        d.set("targets", list_of(targets));
        d.set("has_targets", !targets.empty());
        std::vector<Data> ranks;
        for (const auto& r : park.ranks) {
            ranks.push_back(ctx.rank(r));
        }
        d.set("ranks", list_of(ranks));
        d.set("has_ranks", !ranks.empty());
        // The sources this page cites, in key order.
        std::set<std::string> cited;
        for (const auto& f : park.facts) {
            cited.insert(f.source);
        }
        for (const auto& t : park.targets) {
            cited.insert(t.source);
        }
        for (const auto& r : park.ranks) {
            cited.insert(r.source);
        }
        if (park.area && !park.area->source.empty()) {
            cited.insert(park.area->source);
        }
        std::vector<Data> sources;
        for (const auto& key : cited) {
            sources.push_back(ctx.source_link(key));
        }
        d.set("sources", list_of(sources));
        emit(path, "park", d, park.name, "parks");
    }

    void provinces_index() {
        const PageContext ctx(m_model, m_index, paths::provinces_index());
        std::vector<Data> rows;
        for (const auto& slug : m_index.province_order) {
            Data row = ctx.province_link(slug);
            const auto it = m_index.parks_by_province.find(slug);
            std::size_t facts = 0;
            std::size_t targets = 0;
            if (it != m_index.parks_by_province.end()) {
                for (const auto* p : it->second) {
                    facts += p->facts.size();
                    targets += p->targets.size();
                }
            }
            row.set("parks_count", std::to_string(it == m_index.parks_by_province.end() ? 0 : it->second.size()));
            row.set("facts_count", std::to_string(facts));
            row.set("targets_count", std::to_string(targets));
            row.set("name_en", m_model.provinces.at(slug).name_en);
            rows.push_back(row);
        }
        Data d;
        d.set("provinces", list_of(rows));
        emit(paths::provinces_index(), "provinces", d, "省份", "provinces");
    }

    void province_page(const std::string& slug) {
        const std::string path = paths::province(slug);
        const PageContext ctx(m_model, m_index, path);
        const model::Province& province = m_model.provinces.at(slug);
        Data d = ctx.province_link(slug);
        d.set("name_en", province.name_en);
        d.set("code", std::to_string(province.code));
        const auto it = m_index.parks_by_province.find(slug);
        const std::vector<const model::Park*> parks =
            it == m_index.parks_by_province.end() ? std::vector<const model::Park*>{} : it->second;
        d.set("parks", park_tree(ctx, parks));
        d.set("parks_count", std::to_string(parks.size()));
        // Reporting coverage: how many of the province's parks report each indicator.
        std::vector<Data> coverage;
        for (const auto& [key, ii] : m_index.indicators) {
            for (const auto& ps : ii.provinces) {
                if (ps.province == slug && (!ps.facts.empty())) {
                    Data c = ctx.indicator_link(key);
                    c.set("reporting", std::to_string(ps.facts.size()));
                    c.set("of", std::to_string(parks.size()));
                    c.set("percent", std::to_string(parks.empty() ? 0 : ps.facts.size() * 100 / parks.size()));
                    coverage.push_back(c);
                }
            }
        }
        std::size_t with_targets = 0;
        std::size_t with_facts = 0;
        for (const auto* p : parks) {
            with_facts += p->facts.empty() ? 0 : 1;
            with_targets += p->targets.empty() ? 0 : 1;
        }
        d.set("with_facts", std::to_string(with_facts));
        d.set("with_targets", std::to_string(with_targets));
        d.set("coverage", list_of(coverage));
        d.set("has_coverage", !coverage.empty());
        emit(path, "province", d, province.name, "provinces");
    }

    void kinds_index() {
        const PageContext ctx(m_model, m_index, paths::kinds_index());
        std::vector<Data> rows;
        for (const auto& kind : m_model.site.kinds) {
            Data row = ctx.kind_link(kind.key);
            row.set("name_en", kind.name_en);
            const auto it = m_index.parks_by_kind.find(kind.key);
            row.set("parks_count", std::to_string(it == m_index.parks_by_kind.end() ? 0 : it->second.size()));
            rows.push_back(row);
        }
        Data d;
        d.set("kinds", list_of(rows));
        emit(paths::kinds_index(), "kinds", d, "园区类型", "kinds");
    }

    void kind_page(const model::Kind& kind) {
        const std::string path = paths::kind(kind.key);
        const PageContext ctx(m_model, m_index, path);
        Data d = ctx.kind_link(kind.key);
        d.set("name_en", kind.name_en);
        const auto it = m_index.parks_by_kind.find(kind.key);
        std::vector<Data> groups;
        std::size_t count = 0;
        for (const auto& slug : m_index.province_order) {
            std::vector<Data> parks;
            if (it != m_index.parks_by_kind.end()) {
                for (const auto* p : it->second) {
                    if (p->province == slug) {
                        Data s = park_summary(ctx, *p);
                        if (const model::Park* parent = m_model.find_park(p->parent)) {
                            s.set("parent", ctx.park_link(*parent));
                        }
                        parks.push_back(s);
                    }
                }
            }
            if (!parks.empty()) {
                count += parks.size();
                Data g = ctx.province_link(slug);
                g.set("parks", list_of(parks));
                groups.push_back(g);
            }
        }
        d.set("groups", list_of(groups));
        d.set("parks_count", std::to_string(count));
        emit(path, "kind", d, kind.name, "kinds");
    }

    void indicators_index() {
        const PageContext ctx(m_model, m_index, paths::indicators_index());
        std::vector<Data> rows;
        for (const auto& [key, ii] : m_index.indicators) {
            Data row = ctx.indicator_link(key);
            row.set("name_en", ii.indicator->name_en);
            row.set("dimension", dimension_name(ii.indicator->dimension));
            row.set("basis", basis_name(ii.indicator->basis));
            row.set("reporting", std::to_string(ii.facts.size()));
            row.set("targets", std::to_string(ii.targets.size()));
            rows.push_back(row);
        }
        Data d;
        d.set("indicators", list_of(rows));
        emit(paths::indicators_index(), "indicators", d, "指标", "indicators");
    }

    BarChart chart_for(const PageContext& ctx, const IndicatorIndex& ii) const {
        BarChart chart;
        chart.id = "chart-" + ii.indicator->key;
        chart.title = fmt::format("{}（{}）", ii.indicator->name, ii.indicator->unit);
        std::set<std::string> provinces;
        std::set<std::string> periods;
        for (const auto& f : ii.facts) {
            periods.insert(model::to_string(f.fact->period));
        }
        for (const auto& f : ii.facts) {
            const auto v = display(f.fact->quantity, f.fact->qualifier, ii.indicator->unit);
            Bar bar;
            bar.label = f.park->name;
            bar.value_label = v.symbol + v.number;
            // Different periods or bases are said on the bar itself, not only in the table.
            const bool other_basis = m_model.basis_of(*f.fact) != ii.indicator->basis;
            if (periods.size() > 1 || other_basis) {
                bar.value_label += fmt::format("（{}{}）", other_basis ? basis_name(m_model.basis_of(*f.fact)) + "至" : "",
                                               period_text(f.fact->period));
            }
            bar.value = v.value.to_double();
            bar.colour = m_index.province_colour.at(f.park->province);
            bar.bounded = f.fact->qualifier != model::Qualifier::none;
            bar.other_period = false; // the label already names the period when periods differ
            chart.bars.push_back(bar);
            provinces.insert(f.park->province);
        }
        for (const auto& slug : m_index.province_order) {
            if (provinces.contains(slug)) {
                chart.legend.push_back({m_model.provinces.at(slug).short_name, m_index.province_colour.at(slug)});
            }
        }
        chart.description = fmt::format("各园区{}最新数值的横向条形图，共{}个园区，按数值排序，颜色表示省份；"
                                        "数据与图下表格相同。", ii.indicator->name, ii.facts.size());
        (void)ctx;
        return chart;
    }

    void indicator_page(const IndicatorIndex& ii) {
        const model::Indicator& ind = *ii.indicator;
        const std::string path = paths::indicator(ind.key);
        const PageContext ctx(m_model, m_index, path);
        Data d = ctx.indicator_link(ind.key);
        d.set("name_en", ind.name_en);
        d.set("description", ind.description);
        d.set("dimension", dimension_name(ind.dimension));
        d.set("basis", basis_name(ind.basis));
        d.set("better", ind.better == model::Better::higher ? "越高越好" : ind.better == model::Better::lower ? "越低越好" : "不分高低");
        if (!ii.facts.empty()) {
            d.set("chart", bar_chart_svg(chart_for(ctx, ii)));
            for (const auto& f : ii.facts) {
                if (model::to_string(f.fact->period) == ii.common_period) {
                    d.set("common_period", period_text(f.fact->period));
                    break;
                }
            }
        }
        std::vector<Data> groups;
        std::vector<Data> coverage;
        bool any_other_period = false;
        bool any_bounded = false;
        for (const auto& ps : ii.provinces) {
            Data c = ctx.province_link(ps.province);
            c.set("reporting", std::to_string(ps.facts.size()));
            c.set("of", std::to_string(ps.parks_in_province));
            coverage.push_back(c);
            if (ps.facts.empty()) {
                continue;
            }
            Data g = ctx.province_link(ps.province);
            std::vector<Data> rows;
            for (const auto& f : ps.facts) {
                rows.push_back(ctx.fact(*f.park, *f.fact, ii.common_period));
                any_other_period = any_other_period || model::to_string(f.fact->period) != ii.common_period;
                any_bounded = any_bounded || f.fact->qualifier != model::Qualifier::none;
            }
            g.set("rows", list_of(rows));
            groups.push_back(g);
        }
        d.set("groups", list_of(groups));
        d.set("has_facts", !groups.empty());
        d.set("any_other_period", any_other_period);
        d.set("any_bounded", any_bounded);
        d.set("coverage", list_of(coverage));
        std::vector<Data> targets;
        for (const auto& t : ii.targets) {
            targets.push_back(ctx.target(*t.park, *t.target));
        }
        d.set("targets", list_of(targets));
        d.set("has_targets", !targets.empty());
        emit(path, "indicator", d, ind.name, "indicators");
    }

    void compare_page() {
        const PageContext ctx(m_model, m_index, paths::compare());
        std::vector<Data> header;
        for (const auto& slug : m_index.province_order) {
            Data h = ctx.province_link(slug);
            const auto it = m_index.parks_by_province.find(slug);
            h.set("parks_count", std::to_string(it == m_index.parks_by_province.end() ? 0 : it->second.size()));
            header.push_back(h);
        }
        // Indicators that more provinces report come first: they are the comparable ones.
        std::vector<const IndicatorIndex*> order;
        for (const auto& [key, ii] : m_index.indicators) {
            if (!ii.facts.empty()) {
                order.push_back(&ii);
            }
        }
        auto provinces_reporting = [](const IndicatorIndex* ii) {
            return std::count_if(ii->provinces.begin(), ii->provinces.end(),
                                 [](const compute::ProvinceSummary& ps) { return !ps.facts.empty(); });
        };
        std::stable_sort(order.begin(), order.end(), [&](const IndicatorIndex* a, const IndicatorIndex* b) {
            const auto pa = provinces_reporting(a);
            const auto pb = provinces_reporting(b);
            return pa != pb ? pa > pb : a->facts.size() > b->facts.size();
        });
        std::vector<Data> rows;
        for (const IndicatorIndex* iip : order) {
            const IndicatorIndex& ii = *iip;
            const std::string& key = ii.indicator->key;
            Data row = ctx.indicator_link(key);
            row.set("basis", basis_name(ii.indicator->basis));
            std::vector<Data> cells;
            for (const auto& ps : ii.provinces) {
                Data cell;
                cell.set("reporting", std::to_string(ps.facts.size()));
                cell.set("has_data", ps.facts.size() > 1);
                if (ps.facts.size() == 1) {
                    Data single = ctx.fact(*ps.facts[0].park, *ps.facts[0].fact);
                    cell.set("single", single);
                }
                if (ps.median) {
                    cell.set("median", format_number(*ps.median));
                    cell.set("median_mixed", ps.median_mixed_periods);
                    cell.set("median_bounded", ps.median_has_bounds);
                }
                if (ps.total) {
                    cell.set("total", format_number(*ps.total));
                    cell.set("total_bounded", ps.total_has_bounds);
                } else {
                    cell.set("no_total", ps.no_total_reason);
                }
                cells.push_back(cell);
            }
            row.set("cells", list_of(cells));
            rows.push_back(row);
        }
        Data d;
        d.set("provinces", list_of(header));
        d.set("rows", list_of(rows));
        emit(paths::compare(), "compare", d, "分省对比", "compare");
    }

    void sources_page() {
        const PageContext ctx(m_model, m_index, paths::sources());
        std::vector<Data> sources;
        for (const auto& [key, src] : m_model.sources) {
            Data s = ctx.source_link(key);
            s.set("url", src.url);
            s.set("has_url", !src.url.empty());
            std::vector<Data> facts;
            std::vector<Data> targets;
            std::vector<Data> ranks;
            std::vector<Data> areas;
            const auto it = m_index.citations.find(key);
            if (it != m_index.citations.end()) {
                for (const auto& c : it->second) {
                    switch (c.kind) {
                    case compute::Citation::Kind::fact: facts.push_back(ctx.fact(*c.park, *c.fact)); break;
                    case compute::Citation::Kind::target: targets.push_back(ctx.target(*c.park, *c.target)); break;
                    case compute::Citation::Kind::rank: {
                        Data r = ctx.rank(*c.rank);
                        r.set("park", ctx.park_link(*c.park));
                        ranks.push_back(r);
                        break;
                    }
                    case compute::Citation::Kind::area: {
                        Data a;
                        a.set("park", ctx.park_link(*c.park));
                        a.set("text", display(c.park->area->quantity, model::Qualifier::none, c.park->area->quantity.unit).text);
                        areas.push_back(a);
                        break;
                    }
                    }
                }
            }
            s.set("facts", list_of(facts));
            s.set("targets", list_of(targets));
            s.set("ranks", list_of(ranks));
            s.set("areas", list_of(areas));
            s.set("has_facts", !facts.empty());
            s.set("has_targets", !targets.empty());
            s.set("has_ranks", !ranks.empty());
            s.set("has_areas", !areas.empty());
            s.set("count", std::to_string(facts.size() + targets.size() + ranks.size() + areas.size()));
            sources.push_back(s);
        }
        Data d;
        d.set("sources", list_of(sources));
        emit(paths::sources(), "sources", d, "资料来源", "sources");
    }

    void bulletins_index() {
        const PageContext ctx(m_model, m_index, paths::bulletins_index());
        Data d;
        d.set("bulletins", bulletin_list(ctx, m_model.bulletins.size()));
        d.set("has_bulletins", !m_model.bulletins.empty());
        emit(paths::bulletins_index(), "bulletins", d, "通报", "bulletins");
    }

    void bulletin_page(const model::Bulletin& b) {
        const std::string path = paths::bulletin(b.id);
        const auto data = compute::compute_bulletin(m_model, m_index, b);
        Data d = bulletin_page_data(m_model, m_index, data, path);
        if (!m_with_pdf) {
            d.set("pdf_url", Data{false});
        }
        emit(path, "bulletin", d, b.title + " " + b.number, "bulletins");
    }

    /// An Atom feed of the bulletins, newest first.
    void feed() {
        std::vector<const model::Bulletin*> sorted;
        for (const auto& b : m_model.bulletins) {
            sorted.push_back(&b);
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const model::Bulletin* a, const model::Bulletin* b) { return b->date < a->date; });
        const std::string& base = m_model.site.base_url;
        const std::string updated = sorted.empty() ? "1970-01-01T00:00:00Z" : model::to_string(sorted[0]->date) + "T00:00:00Z";
        std::string xml = fmt::format("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n"
                                      "  <title>{} · 通报</title>\n  <id>{}</id>\n  <link href=\"{}\"/>\n"
                                      "  <link rel=\"self\" href=\"{}\"/>\n  <updated>{}</updated>\n"
                                      "  <author><name>{}</name></author>\n",
                                      escape_html(m_model.site.language), escape_html(m_model.site.title),
                                      escape_html(absolute_url(base, paths::bulletins_index())),
                                      escape_html(absolute_url(base, paths::bulletins_index())),
                                      escape_html(absolute_url(base, "feed.xml")), updated, escape_html(m_model.site.title));
        for (const model::Bulletin* b : sorted) {
            const std::string url = absolute_url(base, paths::bulletin(b->id));
            xml += fmt::format("  <entry>\n    <title>{} {}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n"
                               "    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
                               escape_html(b->title), escape_html(b->number), escape_html(url), escape_html(url),
                               model::to_string(b->date),
                               escape_html(fmt::format("比较截至{}的数据，{}个园区。", period_text(b->period),
                                                       m_model.bulletin_parks(*b).size())));
        }
        xml += "</feed>\n";
        m_files["feed.xml"] = xml;
    }

    void not_found() {
        Data d;
        emit("404.html", "404", d, "页面不存在", "none");
        m_pages.pop_back(); // not in the sitemap
    }

    void sitemap() {
        std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        std::vector<std::string> pages = m_pages;
        std::sort(pages.begin(), pages.end());
        for (const auto& page : pages) {
            xml += fmt::format("  <url><loc>{}</loc></url>\n", escape_html(absolute_url(m_model.site.base_url, page)));
        }
        xml += "</urlset>\n";
        m_files["sitemap.xml"] = xml;
    }

    const model::SiteModel& m_model;
    const compute::SiteIndex& m_index;
    TemplateSet m_templates;
    const Theme& m_theme;
    bool m_with_pdf = true;
    OutputFiles m_files;
    std::vector<std::string> m_pages;
};

} // namespace

OutputFiles render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme,
                        bool with_pdf) {
    return SiteRenderer(model, index, theme, with_pdf).run();
}

} // namespace parkpress::render
