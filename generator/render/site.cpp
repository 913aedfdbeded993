#include "render/site.hpp"

#include "compute/bulletin.hpp"
#include "render/bulletin.hpp"
#include "render/changes.hpp"
#include "render/context.hpp"
#include "render/export.hpp"
#include "render/format.hpp"
#include "render/html.hpp"
#include "render/markdown.hpp"
#include "render/svg.hpp"
#include "render/templates.hpp"
#include "render/urls.hpp"

#include "core/hash.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

namespace parkpress::render {
namespace {

using compute::FactEntry;
using compute::IndicatorIndex;

/// The most bars an indicator's chart shows.
constexpr std::size_t k_chart_bars = 60;


class SiteRenderer {
public:
    SiteRenderer(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, Sink& sink,
                 const RenderOptions& options)
        : m_model(model), m_index(index), m_templates(theme), m_theme(theme), m_sink(sink),
          m_with_pdf(options.with_pdf), m_timings(options.timings), m_keys(options.keys), m_progress(options.progress),
          m_updated(options.updated != nullptr ? *options.updated : compute::UpdatedDates()),
          m_change_log(theme.templates.contains("changes") ? options.change_log : nullptr),
          m_changes_key(options.changes_key), m_bulletin_changes(options.bulletin_changes),
          m_bulletin_changes_key(options.bulletin_changes_key) {
        if (m_keys != nullptr) {
            m_export_reuse.park_key = [keys = m_keys](const model::Park& park) { return keys->park_records(park); };
            m_export_reuse.previous = [&sink](const std::string& path) { return sink.previous(path); };
        }
    }

    /// Renders every page, `jobs` at a time. Each page's bytes depend only on the model, so
    /// the output is the same whatever the number of jobs.
    void run(int jobs) {
        for (const auto& [path, bytes] : m_theme.assets) {
            m_sink.put(path, bytes);
        }
        prepare_markdown(); // cmark-gfm's extension registry is set up once, before the workers
        std::vector<std::function<void()>> tasks;
        const compute::PageKeys* keys = m_keys;
        auto task = [&](std::string path, std::function<std::string()> key, std::function<void()> render,
                        bool listed = true) {
            tasks.emplace_back([this, keys, path = std::move(path), key = std::move(key), render = std::move(render), listed] {
                cached(path, keys != nullptr ? key() : std::string(), render, listed);
            });
        };
        auto site_key = [keys] { return keys->site(); };
        if (m_change_log) { // the commits' revisions are loaded from git: start early
            task(paths::changes(), [this, keys] { return with_changes_key(keys->layout(), "changes " + m_changes_key); },
                 [this] { changes_page(); });
        }
        // Largest first, so that no worker is left with a long task while the others have
        // finished: the downloads, then the pages of indicators and sources (each lists
        // thousands of figures), then the many small pages.
        for (auto& [path, render] : export_tasks(m_model, keys != nullptr ? &m_export_reuse : nullptr, &m_updated.parks)) {
            task(path, [keys] { return keys->downloads(); }, [this, path = path, render = std::move(render)] {
                ExportFile file = render();
                m_sink.put_parts(path, std::move(file.bytes), t_key, file.parts);
            }, false);
        }
        for (const auto& [key, ii] : m_index.indicators) {
            task(paths::indicator(key), [keys, &key = key] { return keys->indicator(key); },
                 [this, &ii = ii] { indicator_page(ii); });
        }
        for (const auto& [key, src] : m_model.sources) {
            task(paths::source(key), [keys, &key = key] { return keys->source(key); }, [this, &src = src] { source_page(src); });
        }
        for (const auto& b : m_model.bulletins) {
            task(paths::bulletin(b.id), [this, keys, &b] { return with_changes_key(keys->bulletin(b), bulletin_changes_key(b)); },
                 [this, &b] { bulletin_page(b); });
        }
        task(paths::home(), site_key, [this] { home(); });
        task(paths::parks_index(), [keys] { return keys->parks_index(); }, [this] { parks_index(); });
        task(paths::provinces_index(), site_key, [this] { provinces_index(); });
        for (const auto& slug : m_index.province_order) {
            task(paths::province(slug), [keys, &slug] { return keys->province(slug); }, [this, &slug] { province_page(slug); });
        }
        task(paths::kinds_index(), site_key, [this] { kinds_index(); });
        for (const auto& kind : m_model.site.kinds) {
            task(paths::kind(kind.key), [keys, &kind] { return keys->kind(kind.key); }, [this, &kind] { kind_page(kind); });
        }
        task(paths::indicators_index(), site_key, [this] { indicators_index(); });
        task(paths::compare(), site_key, [this] { compare_page(); });
        task(paths::sources(), site_key, [this] { sources_index(); });
        task(paths::bulletins_index(), site_key, [this] { bulletins_index(); });
        auto layout_key = [keys] { return keys->layout(); };
        task("feed.xml", layout_key, [this] { feed(); }, false);
        task("404.html", layout_key, [this] { not_found(); }, false);
        for (const auto& park : m_model.parks) {
            task(paths::park(park.slug), [keys, &park] { return keys->park(park); }, [this, &park] { park_page(park); });
        }
        stage("pages and exports");
        run_parallel(tasks, jobs);
        stage("sitemap");
        sitemap();
        if (m_timings != nullptr) {
            m_timings->stop();
        }
        m_sink.put("robots.txt", fmt::format("User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n", m_model.site.base_url));
    }

private:
    /// Renders a page template into the layout and stores it.
    /// `lists`: the lists of views in `data`, if it has any.
    void emit(const std::string& path, const std::string& template_name, Data data, const std::string& title,
              const std::string& section, const LazyLists* lists = nullptr) {
        const PageContext ctx(m_model, m_index, path);
        put(data, "root", ctx.url("index.html").substr(0, ctx.url("index.html").size() - std::string("index.html").size()));
        put(data, "site_title", m_model.site.title);
        const TemplateSet& templates = worker_templates();
        const std::string content = templates.render(template_name, data, lists);
        Data layout;
        put(layout, "title", title);
        put(layout, "full_title", title == m_model.site.title ? title : title + " · " + m_model.site.title);
        put(layout, "site_title", m_model.site.title);
        put(layout, "site_description", m_model.site.description);
        put(layout, "language", m_model.site.language);
        put(layout, "root", data.get("root")->string_value());
        put(layout, "content", std::move(content));
        put(layout, "section_" + section, true);
        put(layout, "has_changes", static_cast<bool>(m_change_log));
        std::string page = templates.render("layout", layout);
        store(path, std::move(page), section != "none");
    }

    /// Parks as a tree: the top-level parks of `parks`, each with its sub-parks in `parks` nested.
    struct ParkTree {
        std::set<std::string> slugs;
        std::vector<const model::Park*> roots;
        bool figures = true;
        ParkTree(const std::vector<const model::Park*>& parks, bool with_figures) : figures(with_figures) {
            for (const auto* p : parks) {
                slugs.insert(p->slug);
            }
            for (const auto* p : parks) {
                if (p->parent.empty() || !slugs.contains(p->parent)) {
                    roots.push_back(p);
                }
            }
        }
        /// The tree's roots as a list in `lists`; the tree and `ctx` must outlive it.
        Data list(const PageContext& ctx, LazyLists& lists) const {
            return lists.list(roots.size(), [this, &ctx](std::size_t i) {
                return ctx.park_summary_view(*roots[i], {.figures = figures, .tree = &slugs});
            });
        }
    };

    void home() {
        const PageContext ctx(m_model, m_index, paths::home());
        Data d;
        put(d, "description", m_model.site.description);
        std::size_t facts = 0;
        std::size_t targets = 0;
        for (const auto& p : m_model.parks) {
            facts += p.facts.size();
            targets += p.targets.size();
        }
        put(d, "parks_count", std::to_string(m_model.parks.size()));
        put(d, "provinces_count", std::to_string(m_index.province_order.size()));
        put(d, "facts_count", std::to_string(facts));
        put(d, "targets_count", std::to_string(targets));
        put(d, "sources_count", std::to_string(m_model.sources.size()));
        // Counts by province and kind.
        DataList kinds;
        for (const auto& kind : m_model.site.kinds) {
            kinds.push_back(ctx.kind_link(kind.key));
        }
        put(d, "kinds", list_of(std::move(kinds)));
        DataList rows;
        for (const auto& slug : m_index.province_order) {
            Data row = ctx.province_link(slug);
            const auto parks = m_index.parks_by_province.find(slug);
            const std::size_t total = parks == m_index.parks_by_province.end() ? 0 : parks->second.size();
            put(row, "count", std::to_string(total));
            DataList cells;
            for (const auto& kind : m_model.site.kinds) {
                std::size_t n = 0;
                if (parks != m_index.parks_by_province.end()) {
                    n = static_cast<std::size_t>(std::count_if(parks->second.begin(), parks->second.end(),
                                                               [&](const model::Park* p) { return p->kind == kind.key; }));
                }
                Data cell;
                put(cell, "count", n == 0 ? std::string("–") : std::to_string(n));
                cells.push_back(std::move(cell));
            }
            put(row, "cells", list_of(std::move(cells)));
            append(rows, std::move(row));
        }
        put(d, "province_rows", list_of(std::move(rows)));
        put(d, "bulletins", bulletin_list(ctx, 5));
        put(d, "has_bulletins", !m_model.bulletins.empty());
        put(d, "headlines", headlines(ctx));
        emit(paths::home(), "home", std::move(d), m_model.site.title, "home");
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
        DataList out;
        for (std::size_t i = 0; i < candidates.size() && i < 3; ++i) {
            const IndicatorIndex& ii = *candidates[i];
            Data h = ctx.indicator_link(ii.indicator->key);
            DataList rows;
            for (std::size_t r = 0; r < ii.facts.size() && r < 5; ++r) {
                rows.push_back(ctx.fact(*ii.facts[r].park, *ii.facts[r].fact, ii.common_period));
            }
            put(h, "rows", list_of(std::move(rows)));
            put(h, "reporting", std::to_string(ii.facts.size()));
            out.push_back(std::move(h));
        }
        return list_of(std::move(out));
    }

    Data bulletin_list(const PageContext& ctx, std::size_t limit) const {
        std::vector<const model::Bulletin*> sorted;
        for (const auto& b : m_model.bulletins) {
            sorted.push_back(&b);
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const model::Bulletin* a, const model::Bulletin* b) { return b->date < a->date; });
        DataList out;
        for (std::size_t i = 0; i < sorted.size() && i < limit; ++i) {
            const model::Bulletin& b = *sorted[i];
            Data d;
            put(d, "url", ctx.url(paths::bulletin(b.id)));
            if (m_with_pdf) {
                put(d, "pdf_url", ctx.url(paths::bulletin_pdf(b.id)));
            }
            put(d, "title", b.title);
            put(d, "number", b.number);
            put(d, "date", date_text(b.date));
            put(d, "period", period_text(b.period));
            put(d, "parks_count", std::to_string(m_model.bulletin_parks(b).size()));
            DataList indicators;
            for (const auto& key : b.indicators) {
                indicators.push_back(ctx.indicator_link(key));
            }
            put(d, "indicators", list_of(std::move(indicators)));
            out.push_back(std::move(d));
        }
        return list_of(std::move(out));
    }

    void parks_index() {
        const PageContext ctx(m_model, m_index, paths::parks_index());
        DataList groups;
        std::deque<ParkTree> trees;
        LazyLists lists;
        for (const auto& slug : m_index.province_order) {
            Data g = ctx.province_link(slug);
            const auto it = m_index.parks_by_province.find(slug);
            // Every park of the country: a directory, without figures (the province pages
            // have them), so that the page stays light at national scale.
            const ParkTree& tree = trees.emplace_back(
                it == m_index.parks_by_province.end() ? std::vector<const model::Park*>{} : it->second, false);
            put(g, "parks", tree.list(ctx, lists));
            append(groups, std::move(g));
        }
        Data d;
        put(d, "groups", list_of(std::move(groups)));
        emit(paths::parks_index(), "parks", std::move(d), "园区", "parks", &lists);
    }

    void park_page(const model::Park& park) {
        const std::string path = paths::park(park.slug);
        const PageContext ctx(m_model, m_index, path);
        Data d = ctx.park_summary(park, {});
        put(d, "name_en", park.name_en);
        if (park.founded) {
            put(d, "founded", std::to_string(*park.founded));
        }
        std::string industries;
        for (const auto& i : park.industries) {
            industries += (industries.empty() ? "" : "、") + i;
        }
        put(d, "industries", industries);
        if (park.area) {
            const auto v = display(park.area->quantity, model::Qualifier::none, park.area->quantity.unit);
            Data area;
            put(area, "text", v.text);
            if (v.unit != "平方公里") {
                const auto km2 = display(park.area->quantity, model::Qualifier::none, "平方公里");
                put(area, "km2", km2.text);
            }
            if (!park.area->source.empty()) {
                put(area, "source", ctx.source_link(park.area->source));
            }
            put(d, "area", std::move(area));
        }
        if (const model::Park* parent = m_model.find_park(park.parent)) {
            put(d, "parent", ctx.park_link(*parent));
        }
        DataList children;
        if (const auto it = m_index.children.find(park.slug); it != m_index.children.end()) {
            for (const auto* child : it->second) {
                Data c = ctx.park_link(*child);
                put(c, "kind", ctx.kind_link(child->kind));
                children.push_back(std::move(c));
            }
        }
        put(d, "has_children", !children.empty());
        put(d, "children", list_of(std::move(children)));
        if (park.narrative) {
            put(d, "narrative", ctx.narrative_html(*park.narrative, &park));
        }
        put(d, "park", ctx.park_link(park)); // for the rows, which leave out their park and province
        LazyLists lists;
        put(d, "has_facts", !park.facts.empty());
        put(d, "facts", lists.list(park.facts.size(), [&](std::size_t i) {
                return ctx.fact_view(park, park.facts[i], {}, PageContext::with_indicator);
            }));
        put(d, "has_targets", !park.targets.empty());
        put(d, "targets", lists.list(park.targets.size(), [&](std::size_t i) { return ctx.target_view(park, park.targets[i]); }));
        DataList ranks;
        for (const auto& r : park.ranks) {
            ranks.push_back(ctx.rank(r));
        }
        put(d, "has_ranks", !ranks.empty());
        put(d, "ranks", list_of(std::move(ranks)));
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
        const std::vector<const std::string*> cited_keys = [&cited] {
            std::vector<const std::string*> keys;
            for (const auto& key : cited) {
                keys.push_back(&key);
            }
            return keys;
        }();
        put(d, "sources", lists.list(cited_keys.size(), [&](std::size_t i) { return ctx.source_view(*cited_keys[i]); }));
        put_updated(d, compute::UpdatedDates::of(m_updated.parks, park.slug));
        emit(path, "park", std::move(d), park.name, "parks", &lists);
    }

    void provinces_index() {
        const PageContext ctx(m_model, m_index, paths::provinces_index());
        DataList rows;
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
            put(row, "parks_count", std::to_string(it == m_index.parks_by_province.end() ? 0 : it->second.size()));
            put(row, "facts_count", std::to_string(facts));
            put(row, "targets_count", std::to_string(targets));
            put(row, "name_en", m_model.provinces.at(slug).name_en);
            append(rows, std::move(row));
        }
        Data d;
        put(d, "provinces", list_of(std::move(rows)));
        emit(paths::provinces_index(), "provinces", std::move(d), "省份", "provinces");
    }

    void province_page(const std::string& slug) {
        const std::string path = paths::province(slug);
        const PageContext ctx(m_model, m_index, path);
        const model::Province& province = m_model.provinces.at(slug);
        Data d = ctx.province_link(slug);
        put(d, "name_en", province.name_en);
        put(d, "code", std::to_string(province.code));
        const auto it = m_index.parks_by_province.find(slug);
        const std::vector<const model::Park*> parks =
            it == m_index.parks_by_province.end() ? std::vector<const model::Park*>{} : it->second;
        const ParkTree tree(parks, true);
        LazyLists lists;
        put(d, "parks", tree.list(ctx, lists));
        put(d, "parks_count", std::to_string(parks.size()));
        // Reporting coverage: how many of the province's parks report each indicator.
        DataList coverage;
        for (const auto& [key, ii] : m_index.indicators) {
            for (const auto& ps : ii.provinces) {
                if (ps.province == slug && (!ps.facts.empty())) {
                    Data c = ctx.indicator_link(key);
                    put(c, "reporting", std::to_string(ps.facts.size()));
                    put(c, "of", std::to_string(parks.size()));
                    put(c, "percent", std::to_string(parks.empty() ? 0 : ps.facts.size() * 100 / parks.size()));
                    coverage.push_back(std::move(c));
                }
            }
        }
        std::size_t with_targets = 0;
        std::size_t with_facts = 0;
        for (const auto* p : parks) {
            with_facts += p->facts.empty() ? 0 : 1;
            with_targets += p->targets.empty() ? 0 : 1;
        }
        put(d, "with_facts", std::to_string(with_facts));
        put(d, "with_targets", std::to_string(with_targets));
        put(d, "has_coverage", !coverage.empty());
        put(d, "coverage", list_of(std::move(coverage)));
        put_updated(d, compute::UpdatedDates::of(m_updated.provinces, slug));
        emit(path, "province", std::move(d), province.name, "provinces", &lists);
    }

    void kinds_index() {
        const PageContext ctx(m_model, m_index, paths::kinds_index());
        DataList rows;
        for (const auto& kind : m_model.site.kinds) {
            Data row = ctx.kind_link(kind.key);
            put(row, "name_en", kind.name_en);
            const auto it = m_index.parks_by_kind.find(kind.key);
            put(row, "parks_count", std::to_string(it == m_index.parks_by_kind.end() ? 0 : it->second.size()));
            append(rows, std::move(row));
        }
        Data d;
        put(d, "kinds", list_of(std::move(rows)));
        emit(paths::kinds_index(), "kinds", std::move(d), "园区类型", "kinds");
    }

    void kind_page(const model::Kind& kind) {
        const std::string path = paths::kind(kind.key);
        const PageContext ctx(m_model, m_index, path);
        Data d = ctx.kind_link(kind.key);
        put(d, "name_en", kind.name_en);
        const auto it = m_index.parks_by_kind.find(kind.key);
        DataList groups;
        std::size_t count = 0;
        LazyLists lists;
        std::deque<std::vector<const model::Park*>> lists_of_parks;
        for (const auto& slug : m_index.province_order) {
            std::vector<const model::Park*>& parks = lists_of_parks.emplace_back();
            if (it != m_index.parks_by_kind.end()) {
                for (const auto* p : it->second) {
                    if (p->province == slug) {
                        parks.push_back(p);
                    }
                }
            }
            if (!parks.empty()) {
                count += parks.size();
                Data g = ctx.province_link(slug);
                put(g, "parks", lists.list(parks.size(), [&ctx, &parks](std::size_t i) {
                        return ctx.park_summary_view(*parks[i], {.parent = true});
                    }));
                append(groups, std::move(g));
            }
        }
        put(d, "groups", list_of(std::move(groups)));
        put(d, "parks_count", std::to_string(count));
        emit(path, "kind", std::move(d), kind.name, "kinds", &lists);
    }

    void indicators_index() {
        const PageContext ctx(m_model, m_index, paths::indicators_index());
        DataList rows;
        for (const auto& [key, ii] : m_index.indicators) {
            Data row = ctx.indicator_link(key);
            put(row, "name_en", ii.indicator->name_en);
            put(row, "dimension", dimension_name(ii.indicator->dimension));
            put(row, "basis", basis_name(ii.indicator->basis));
            put(row, "reporting", std::to_string(ii.facts.size()));
            put(row, "targets", std::to_string(ii.targets.size()));
            append(rows, std::move(row));
        }
        Data d;
        put(d, "indicators", list_of(std::move(rows)));
        emit(paths::indicators_index(), "indicators", std::move(d), "指标", "indicators");
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
        // A chart of thousands of bars says nothing: it shows the first k_chart_bars (the facts
        // are sorted best first); the table below has every park.
        const std::size_t shown = std::min(ii.facts.size(), k_chart_bars);
        for (std::size_t i = 0; i < shown; ++i) {
            const FactEntry& f = ii.facts[i];
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
        chart.description = shown < ii.facts.size()
                                ? fmt::format("{}最新数值排在前{}位的园区的横向条形图（共{}个园区报告），颜色表示省份；"
                                              "全部数据见图下表格。", ii.indicator->name, shown, ii.facts.size())
                                : fmt::format("各园区{}最新数值的横向条形图，共{}个园区，按数值排序，颜色表示省份；"
                                              "数据与图下表格相同。", ii.indicator->name, ii.facts.size());
        (void)ctx;
        return chart;
    }

    void indicator_page(const IndicatorIndex& ii) {
        const model::Indicator& ind = *ii.indicator;
        const std::string path = paths::indicator(ind.key);
        const PageContext ctx(m_model, m_index, path);
        Data d = ctx.indicator_link(ind.key);
        put(d, "indicator", ctx.indicator_link(ind.key)); // for the rows, which leave it out
        put(d, "name_en", ind.name_en);
        put(d, "description", ind.description);
        put(d, "dimension", dimension_name(ind.dimension));
        put(d, "basis", basis_name(ind.basis));
        put(d, "better", ind.better == model::Better::higher ? "越高越好" : ind.better == model::Better::lower ? "越低越好" : "不分高低");
        if (!ii.facts.empty()) {
            put(d, "chart", bar_chart_svg(chart_for(ctx, ii)));
            if (ii.facts.size() > k_chart_bars) {
                put(d, "chart_top", std::to_string(k_chart_bars));
                put(d, "reporting", std::to_string(ii.facts.size()));
            }
            for (const auto& f : ii.facts) {
                if (model::to_string(f.fact->period) == ii.common_period) {
                    put(d, "common_period", period_text(f.fact->period));
                    break;
                }
            }
        }
        LazyLists lists;
        DataList groups;
        DataList coverage;
        bool any_other_period = false;
        bool any_bounded = false;
        for (const auto& ps : ii.provinces) {
            Data c = ctx.province_link(ps.province);
            put(c, "reporting", std::to_string(ps.facts.size()));
            put(c, "of", std::to_string(ps.parks_in_province));
            coverage.push_back(std::move(c));
            if (ps.facts.empty()) {
                continue;
            }
            Data g = ctx.province_link(ps.province);
            put(g, "province", ctx.province_link(ps.province)); // for the rows, which leave it out
            for (const auto& f : ps.facts) {
                any_other_period = any_other_period || model::to_string(f.fact->period) != ii.common_period;
                any_bounded = any_bounded || f.fact->qualifier != model::Qualifier::none;
            }
            put(g, "rows", lists.list(ps.facts.size(), [&ctx, &ps = ps, &ii](std::size_t i) {
                    return ctx.fact_view(*ps.facts[i].park, *ps.facts[i].fact, ii.common_period, PageContext::with_park);
                }));
            append(groups, std::move(g));
        }
        put(d, "has_facts", !groups.empty());
        put(d, "groups", list_of(std::move(groups)));
        put(d, "any_other_period", any_other_period);
        put(d, "any_bounded", any_bounded);
        put(d, "coverage", list_of(std::move(coverage)));
        put(d, "has_targets", !ii.targets.empty());
        put(d, "targets", lists.list(ii.targets.size(), [&](std::size_t i) {
                return ctx.target_view(*ii.targets[i].park, *ii.targets[i].target);
            }));
        emit(path, "indicator", std::move(d), ind.name, "indicators", &lists);
    }

    void compare_page() {
        const PageContext ctx(m_model, m_index, paths::compare());
        DataList header;
        for (const auto& slug : m_index.province_order) {
            Data h = ctx.province_link(slug);
            const auto it = m_index.parks_by_province.find(slug);
            put(h, "parks_count", std::to_string(it == m_index.parks_by_province.end() ? 0 : it->second.size()));
            header.push_back(std::move(h));
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
        DataList rows;
        for (const IndicatorIndex* iip : order) {
            const IndicatorIndex& ii = *iip;
            const std::string& key = ii.indicator->key;
            Data row = ctx.indicator_link(key);
            put(row, "basis", basis_name(ii.indicator->basis));
            DataList cells;
            for (const auto& ps : ii.provinces) {
                Data cell;
                put(cell, "reporting", std::to_string(ps.facts.size()));
                put(cell, "has_data", ps.facts.size() > 1);
                if (ps.facts.size() == 1) {
                    Data single = ctx.fact(*ps.facts[0].park, *ps.facts[0].fact);
                    put(cell, "single", std::move(single));
                }
                if (ps.median) {
                    put(cell, "median", format_number(*ps.median));
                    put(cell, "median_mixed", ps.median_mixed_periods);
                    put(cell, "median_bounded", ps.median_has_bounds);
                }
                if (ps.total) {
                    put(cell, "total", format_number(*ps.total));
                    put(cell, "total_bounded", ps.total_has_bounds);
                } else {
                    put(cell, "no_total", ps.no_total_reason);
                }
                cells.push_back(std::move(cell));
            }
            put(row, "cells", list_of(std::move(cells)));
            append(rows, std::move(row));
        }
        Data d;
        put(d, "provinces", list_of(std::move(header)));
        put(d, "rows", list_of(std::move(rows)));
        emit(paths::compare(), "compare", std::move(d), "分省对比", "compare");
    }

    /// The list of sources, each with how many figures cite it.
    void sources_index() {
        const PageContext ctx(m_model, m_index, paths::sources());
        DataList sources;
        for (const auto& [key, src] : m_model.sources) {
            Data s = ctx.source_link(key);
            put(s, "link", src.url);
            put(s, "has_link", !src.url.empty());
            const auto it = m_index.citations.find(key);
            put(s, "count", std::to_string(it == m_index.citations.end() ? 0 : it->second.size()));
            append(sources, std::move(s));
        }
        Data d;
        put(d, "sources", list_of(std::move(sources)));
        emit(paths::sources(), "sources", std::move(d), "资料来源", "sources");
    }

    /// One source and every figure that cites it.
    void source_page(const model::Source& src) {
        const std::string path = paths::source(src.key);
        const PageContext ctx(m_model, m_index, path);
        Data s = ctx.source_link(src.key);
        put(s, "link", src.url);
        put(s, "has_link", !src.url.empty());
        std::vector<const compute::Citation*> facts;
        std::vector<const compute::Citation*> targets;
        DataList ranks;
        DataList areas;
        const auto it = m_index.citations.find(src.key);
        if (it != m_index.citations.end()) {
            for (const auto& c : it->second) {
                switch (c.kind) {
                case compute::Citation::Kind::fact: facts.push_back(&c); break;
                case compute::Citation::Kind::target: targets.push_back(&c); break;
                case compute::Citation::Kind::rank: {
                    Data r = ctx.rank(*c.rank);
                    put(r, "park", ctx.park_link(*c.park));
                    ranks.push_back(std::move(r));
                    break;
                }
                case compute::Citation::Kind::area: {
                    Data a;
                    put(a, "park", ctx.park_link(*c.park));
                    put(a, "text", display(c.park->area->quantity, model::Qualifier::none, c.park->area->quantity.unit).text);
                    areas.push_back(std::move(a));
                    break;
                }
                }
            }
        }
        put(s, "count", std::to_string(facts.size() + targets.size() + ranks.size() + areas.size()));
        LazyLists lists;
        put(s, "has_facts", !facts.empty());
        put(s, "facts", lists.list(facts.size(), [&](std::size_t i) { return ctx.figure_view(*facts[i]->park, *facts[i]->fact); }));
        put(s, "has_targets", !targets.empty());
        put(s, "targets", lists.list(targets.size(), [&](std::size_t i) {
                return ctx.target_view(*targets[i]->park, *targets[i]->target);
            }));
        put(s, "has_ranks", !ranks.empty());
        put(s, "ranks", list_of(std::move(ranks)));
        put(s, "has_areas", !areas.empty());
        put(s, "areas", list_of(std::move(areas)));
        emit(path, "source", std::move(s), src.title, "sources", &lists);
    }

    void bulletins_index() {
        const PageContext ctx(m_model, m_index, paths::bulletins_index());
        Data d;
        put(d, "bulletins", bulletin_list(ctx, m_model.bulletins.size()));
        put(d, "has_bulletins", !m_model.bulletins.empty());
        emit(paths::bulletins_index(), "bulletins", std::move(d), "通报", "bulletins");
    }

    void bulletin_page(const model::Bulletin& b) {
        const std::string path = paths::bulletin(b.id);
        auto data = compute::compute_bulletin(m_model, m_index, b);
        data.changes = m_bulletin_changes ? m_bulletin_changes(b) : nullptr;
        Data d = bulletin_page_data(m_model, m_index, data, path);
        if (!m_with_pdf) {
            put(d, "pdf_url", Data{false});
        }
        put_updated(d, compute::UpdatedDates::of(m_updated.bulletins, b.id));
        emit(path, "bulletin", std::move(d), b.title + " " + b.number, "bulletins");
    }

    /// What changed in the figures, commit by commit.
    void changes_page() {
        const std::string path = paths::changes();
        Data d = changes_page_data(m_model, m_index, m_change_log(), path);
        emit(path, "changes", std::move(d), "数据变化", "changes");
    }

    std::string bulletin_changes_key(const model::Bulletin& b) const {
        return m_bulletin_changes_key ? m_bulletin_changes_key(b) : std::string();
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
        store("feed.xml", std::move(xml));
    }

    void not_found() {
        Data d;
        emit("404.html", "404", std::move(d), "页面不存在", "none"); // "none": not in the sitemap
    }

    void sitemap() {
        std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        std::vector<std::string> pages = m_pages;
        std::sort(pages.begin(), pages.end());
        // lastmod only where the date is known: a park, province or bulletin page.
        std::map<std::string, std::string> lastmod;
        for (const auto& [slug, date] : m_updated.parks) {
            lastmod.emplace(paths::park(slug), date);
        }
        for (const auto& [slug, date] : m_updated.provinces) {
            lastmod.emplace(paths::province(slug), date);
        }
        for (const auto& [id, date] : m_updated.bulletins) {
            lastmod.emplace(paths::bulletin(id), date);
        }
        for (const auto& page : pages) {
            const std::string loc = escape_html(absolute_url(m_model.site.base_url, page));
            if (const auto it = lastmod.find(page); it != lastmod.end()) {
                xml += fmt::format("  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n", loc, it->second);
            } else {
                xml += fmt::format("  <url><loc>{}</loc></url>\n", loc);
            }
        }
        xml += "</urlset>\n";
        m_sink.put("sitemap.xml", std::move(xml));
    }

    const model::SiteModel& m_model;
    const compute::SiteIndex& m_index;
    TemplateSet m_templates; ///< used by the calling thread; workers compile their own
    const Theme& m_theme;
    Sink& m_sink;
    ExportReuse m_export_reuse; ///< the downloads' parts of the previous build
    bool m_with_pdf = true;
    core::Timings* m_timings = nullptr;
    void stage(const char* name) {
        if (m_timings != nullptr) {
            m_timings->start(std::string("render ") + name);
        }
    }
    std::vector<std::string> m_pages;
    std::mutex m_mutex;
    static thread_local const TemplateSet* t_templates;
    static thread_local std::string t_key; ///< the key of the file the worker is rendering
    const compute::PageKeys* m_keys = nullptr;
    std::function<void(std::size_t, std::size_t)> m_progress;
    compute::UpdatedDates m_updated;

    /// `{{#updated}}`: when a page's content last changed, as text and as an ISO date; absent
    /// when that is not known.
    static void put_updated(Data& d, const std::string& date) {
        if (date.size() != 10) {
            return;
        }
        model::Date parsed;
        parsed.year = std::stoi(date.substr(0, 4));
        parsed.month = std::stoi(date.substr(5, 2));
        parsed.day = std::stoi(date.substr(8, 2));
        Data u;
        put(u, "text", date_text(parsed));
        put(u, "iso", date);
        put(d, "updated", std::move(u));
    }
    std::function<const compute::ChangeLog&()> m_change_log;
    std::string m_changes_key;
    std::function<const compute::BulletinChanges*(const model::Bulletin&)> m_bulletin_changes;
    std::function<std::string(const model::Bulletin&)> m_bulletin_changes_key;

    const TemplateSet& worker_templates() const { return t_templates != nullptr ? *t_templates : m_templates; }

    /// Stores a rendered file; `page`: listed in the sitemap. Safe from any worker.
    void store(const std::string& path, std::string bytes, bool page = false) {
        m_sink.put(path, std::move(bytes), t_key);
        if (page) {
            const std::lock_guard lock(m_mutex);
            m_pages.push_back(path);
        }
    }

    /// Renders the file at `path` unless the sink keeps the one an earlier build made from
    /// inputs with the same `key` ("": always render). `listed`: a page for the sitemap.
    void cached(const std::string& path, const std::string& key, const std::function<void()>& render, bool listed) {
        if (m_sink.reuse(path, key)) {
            if (listed) {
                const std::lock_guard lock(m_mutex);
                m_pages.push_back(path);
            }
            return;
        }
        t_key = key;
        render();
        t_key.clear();
    }

    void run_parallel(const std::vector<std::function<void()>>& tasks, int jobs) {
        std::atomic<std::size_t> next{0};
        std::atomic<std::size_t> done{0};
        std::exception_ptr failure;
        std::mutex failure_mutex;
        auto worker = [&] {
            // kainjow's templates keep state while they render: one compiled set per thread.
            const TemplateSet templates(m_theme);
            t_templates = &templates;
            for (std::size_t i = next++; i < tasks.size(); i = next++) {
                try {
                    tasks[i]();
                    if (m_progress) {
                        m_progress(++done, tasks.size());
                    }
                } catch (...) {
                    const std::lock_guard lock(failure_mutex);
                    if (!failure) {
                        failure = std::current_exception();
                    }
                    next = tasks.size();
                }
            }
            t_templates = nullptr;
        };
        const auto threads = static_cast<std::size_t>(std::max(1, jobs));
        if (threads == 1) {
            worker();
        } else {
            std::vector<std::thread> pool;
            for (std::size_t t = 0; t < threads; ++t) {
                pool.emplace_back(worker);
            }
            for (auto& t : pool) {
                t.join();
            }
        }
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
};

thread_local const TemplateSet* SiteRenderer::t_templates = nullptr;
thread_local std::string SiteRenderer::t_key;

} // namespace

std::string with_changes_key(const std::string& key, const std::string& changes_key) {
    if (changes_key.empty()) {
        return key;
    }
    core::Hasher h;
    h.add(key).add(changes_key);
    return h.hex();
}

void render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme, Sink& sink,
                 const RenderOptions& options) {
    SiteRenderer(model, index, theme, sink, options).run(options.jobs);
}

OutputFiles render_site(const model::SiteModel& model, const compute::SiteIndex& index, const Theme& theme,
                        bool with_pdf, int jobs) {
    MemorySink sink;
    RenderOptions options;
    options.with_pdf = with_pdf;
    options.jobs = jobs;
    render_site(model, index, theme, sink, options);
    return sink.take();
}

} // namespace parkpress::render
