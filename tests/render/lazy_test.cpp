#include "compute/site_index.hpp"
#include "load/content_loader.hpp"
#include "render/context.hpp"
#include "render/lazy.hpp"
#include "render/templates.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace parkpress;
using namespace parkpress::render;

namespace {

struct Item {
    std::string name;
    bool flag = false;
    std::vector<Item> children;
    bool has_note = false;
};

class ItemView final : public TableView<ItemView> {
public:
    explicit ItemView(const Item& of) : item(of) {}
    const Item& item;
    static std::span<const Member> members();
};

std::span<const ItemView::Member> ItemView::members() {
    static constexpr Member table[] = {
        {"name", [](const ItemView& v, Slot& out) { out.text(v.item.name); return true; }},
        {"flag", [](const ItemView& v, Slot& out) { out.flag(v.item.flag); return true; }},
        {"empty", [](const ItemView&, Slot& out) { out.text(""); return true; }},
        {"note", [](const ItemView& v, Slot& out) { return v.item.has_note && (out.text("note of " + v.item.name), true); }},
        {"first", [](const ItemView& v, Slot& out) {
             return !v.item.children.empty() && (out.object(std::make_unique<ItemView>(v.item.children.front())), true);
         }},
        {"children", [](const ItemView& v, Slot& out) {
             const Item& item = v.item;
             out.list(item.children.size(), [&item](std::size_t i) { return std::make_unique<ItemView>(item.children[i]); });
             return true;
         }},
    };
    return table;
}

std::vector<Item> items() {
    Item a{"a<1>", true, {{"a.x", false, {}, true}, {"a.y", true, {{"a.y.z", false, {}, false}}, false}}, true};
    Item b{"b", false, {}, false};
    Item c{"c", true, {{"c.x", true, {}, false}}, false};
    return {a, b, c};
}

/// Every kind of lookup: members, a member missing in the row (found in the page), an
/// absent member, booleans, an empty string as a section, objects and lists of views nested,
/// x.y paths, {{.}}, and an inverted section.
const char* const k_template =
    "{{#rows}}<{{name}}|{{title}}|{{#flag}}F{{/flag}}{{^flag}}nf{{/flag}}|{{#empty}}E{{/empty}}|"
    "{{note}}{{^note}}-{{/note}}|{{#first}}{{name}}/{{title}}/{{#children}}({{name}}){{/children}}{{/first}}|"
    "{{first.name}}|{{#children}}[{{name}}{{#children}}[{{name}}:{{note}}]{{/children}}{{first.name}}]{{/children}}"
    "{{^children}}none{{/children}}|{{.}}{{missing}}>\n{{/rows}}{{title}}";

Data page(Data rows) {
    Data d;
    put(d, "title", std::string("T&"));
    put(d, "note", std::string("page note"));
    put(d, "rows", std::move(rows));
    return d;
}

/// This project's content and its index: converted values, bounds, targets with and without
/// progress, sub-parks.
const std::pair<const model::SiteModel&, const compute::SiteIndex&> project_content() {
    static const auto content = [] {
        core::Diagnostics diagnostics;
        auto loaded = load::load_content(std::filesystem::path(PARKPRESS_SOURCE_DIR) / "content", diagnostics);
        REQUIRE_FALSE(diagnostics.has_errors());
        return loaded;
    }();
    static const compute::SiteIndex index = compute::build_index(content.model);
    return {content.model, index};
}

} // namespace

TEST_CASE("lazy: a list of views renders as the same list built as Data", "[render][lazy]") {
    Theme theme;
    theme.templates["page"] = k_template;
    const TemplateSet templates(theme);
    const std::vector<Item> list = items();

    Data built{Data::type::list};
    for (const Item& item : list) {
        append(built, materialize(ItemView(item)));
    }
    Data eager = page(std::move(built));
    const std::string expected = templates.render("page", eager);

    LazyLists lists;
    Data lazy = page(lists.list(list.size(), [&list](std::size_t i) { return std::make_unique<ItemView>(list[i]); }));
    CHECK(templates.render("page", lazy, &lists) == expected);

    // What it should be, so that both ways cannot be wrong alike. A member a row lacks is
    // looked up in the enclosing rows, then the page: title is the page's; a.y.z has no note,
    // nor has a.y, so it shows a's. An empty string is truthy in kainjow, as in Mustache's spec.
    CHECK(expected ==
          "<a&lt;1&gt;|T&amp;|F|E|note of a&lt;1&gt;|a.x/T&amp;/|a.x|[a.xa.x][a.y[a.y.z:note of a&lt;1&gt;]a.y.z]|>\n"
          "<b|T&amp;|nf|E|page note|||none|>\n"
          "<c|T&amp;|F|E|page note|c.x/T&amp;/|c.x|[c.xc.x]|>\n"
          "T&amp;");
}

TEST_CASE("lazy: the rows of a long list are made one at a time, when they are rendered", "[render][lazy]") {
    Theme theme;
    theme.templates["page"] = "{{#rows}}{{name}},{{/rows}}";
    const TemplateSet templates(theme);
    std::vector<Item> list;
    for (int i = 0; i < 2000; ++i) {
        list.push_back({std::to_string(i), false, {}, false});
    }
    std::size_t made = 0;
    LazyLists lists;
    Data d;
    put(d, "rows", lists.list(list.size(), [&](std::size_t i) {
            ++made;
            return std::make_unique<ItemView>(list[i]);
        }));
    CHECK(made == 0);
    const std::string out = templates.render("page", d, &lists);
    CHECK(made == list.size());
    CHECK(out.substr(0, 8) == "0,1,2,3,");
    CHECK(out.size() == 10 * 2 + 90 * 3 + 900 * 4 + 1000 * 5);
}

TEST_CASE("lazy: rows of facts and targets as views render as the rows built as Data", "[render][lazy]") {
    const auto& [model, index] = project_content();
    // Every member a fact, figure or target row may have, at two levels.
    Theme theme;
    theme.templates["page"] =
        "{{#rows}}{{value}}|{{number}}|{{sort}}|{{unit}}|{{qualifier}}|{{#bounded}}B{{/bounded}}|{{written}}|"
        "{{basis}}|{{#basis_overridden}}O{{/basis_overridden}}|{{period}}|{{#other_period}}P{{/other_period}}|"
        "{{note}}|{{by}}|{{#park}}{{name}} {{url}} {{slug}}{{/park}}|{{#province}}{{name}} {{url}} {{short}} "
        "{{colour}}{{/province}}|{{#indicator}}{{name}} {{unit}} {{url}} {{key}}{{/indicator}}|{{#source}}{{title}} "
        "{{publisher}} {{date}} {{url}} {{key}}{{/source}}|{{#progress}}{{actual}} {{period}} {{percent}} "
        "{{bar}}{{/progress}}\n{{/rows}}";
    const TemplateSet templates(theme);
    const PageContext ctx(model, index, "indicators/x/index.html");
    std::size_t rows = 0;
    for (const auto& park : model.parks) {
        for (const unsigned parts : {unsigned{PageContext::all_parts}, unsigned{PageContext::with_park},
                                     unsigned{PageContext::with_indicator}}) {
            Data built{Data::type::list};
            std::vector<std::function<std::unique_ptr<View>()>> views;
            for (const auto& f : park.facts) {
                append(built, ctx.fact(park, f, "2023", parts));
                views.emplace_back([&, parts] { return ctx.fact_view(park, f, "2023", parts); });
                append(built, ctx.figure(park, f, "2022"));
                views.emplace_back([&] { return ctx.figure_view(park, f, "2022"); });
            }
            for (const auto& t : park.targets) {
                append(built, ctx.target(park, t));
                views.emplace_back([&] { return ctx.target_view(park, t); });
            }
            Data eager;
            put(eager, "rows", std::move(built));
            LazyLists lists;
            Data lazy;
            put(lazy, "rows", lists.list(views.size(), [&](std::size_t i) { return views[i](); }));
            CAPTURE(park.slug, parts);
            CHECK(templates.render("page", lazy, &lists) == templates.render("page", eager));
            rows += views.size();
        }
    }
    CHECK(rows > 100);
}

TEST_CASE("lazy: parks in lists as views render as the parks built as Data", "[render][lazy]") {
    const auto& [model, index] = project_content();
    Theme theme;
    theme.templates["page"] =
        "{{#rows}}{{name}} {{url}} {{slug}} {{#kind}}{{name}} {{url}}{{/kind}} {{level}} {{city}} "
        "{{#province}}{{short}}{{/province}} {{#has_key_facts}}K{{/has_key_facts}}{{#key_facts}}[{{#indicator}}{{name}}"
        "{{/indicator}} {{value}} {{period}}]{{/key_facts}} {{facts_count}}/{{targets_count}} "
        "{{#has_children}}C{{/has_children}}{{#children}}<{{name}}{{#children}}<{{name}}>{{/children}}>{{/children}} "
        "{{#parent}}^{{name}} {{url}}{{/parent}}\n{{/rows}}";
    const TemplateSet templates(theme);
    const PageContext ctx(model, index, "provinces/henan/index.html");
    std::set<std::string> all;
    for (const auto& park : model.parks) {
        all.insert(park.slug);
    }
    std::size_t with_children = 0;
    for (const PageContext::SummaryOptions options :
         {PageContext::SummaryOptions{}, PageContext::SummaryOptions{.figures = false, .tree = &all},
          PageContext::SummaryOptions{.tree = &all, .depth = 15}, PageContext::SummaryOptions{.parent = true}}) {
        Data built{Data::type::list};
        for (const auto& park : model.parks) {
            append(built, ctx.park_summary(park, options));
        }
        Data eager;
        put(eager, "rows", std::move(built));
        LazyLists lists;
        Data lazy;
        put(lazy, "rows", lists.list(model.parks.size(), [&](std::size_t i) { return ctx.park_summary_view(model.parks[i], options); }));
        const std::string out = templates.render("page", lazy, &lists);
        CHECK(out == templates.render("page", eager));
        with_children += static_cast<std::size_t>(std::count(out.begin(), out.end(), '<'));
    }
    CHECK(with_children > 0); // the content has sub-parks, so the trees were walked
}
