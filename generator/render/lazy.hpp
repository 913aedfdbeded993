#pragma once

#include "render/templates.hpp"

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::render {

class Slot;

/// Template data computed when a template reads it. A page's rows (thousands on an indicator
/// page) used to be built as kainjow objects, a hash map of strings per row and per link, and
/// most of a build's time went into building and freeing them. A view instead answers for the
/// members a template asks for, and only while it renders them.
///
/// To a template a view is an object like any other: a member it does not have is looked up
/// in the enclosing objects, as Mustache says, and the members a view has are those that the
/// same object built as Data would have had, of the same types.
class View {
public:
    View() = default;
    View(const View&) = delete;
    View& operator=(const View&) = delete;
    virtual ~View() = default;
    /// Puts the member `name` into `out` and returns true, or returns false when this object
    /// has no such member.
    virtual bool member(std::string_view name, Slot& out) const = 0;
    /// The names member() may answer for (it may still have no such member, as a fact's
    /// `written` when it was not converted).
    [[nodiscard]] virtual std::vector<std::string_view> names() const = 0;
};

/// A view whose members are a table of the derived class `V`: `V::members()` gives an array
/// of `{name, getter}`, a getter `bool (*)(const V&, Slot&)` as member() is. One table gives
/// both the lookup and the list of names, so the two cannot disagree. (A static function
/// defined after the class, not an in-class constant: only there is `V` complete, which the
/// getters need.)
template <class V>
struct MemberOf {
    std::string_view name;
    bool (*get)(const V&, Slot&);
};

template <class V>
class TableView : public View {
public:
    using Member = MemberOf<V>;
    bool member(std::string_view name, Slot& out) const override {
        for (const Member& m : V::members()) {
            if (m.name == name) {
                return m.get(static_cast<const V&>(*this), out);
            }
        }
        return false;
    }
    [[nodiscard]] std::vector<std::string_view> names() const override {
        std::vector<std::string_view> out;
        for (const Member& m : V::members()) {
            out.push_back(m.name);
        }
        return out;
    }
};

/// Makes the view of row `i` of a list.
using RowMaker = std::function<std::unique_ptr<View>(std::size_t i)>;

class Scratch;

/// Where a view puts a member's value: a string, a boolean, an object (another view) or a list
/// of views. Given by the context while a template renders, or by materialize().
class Slot {
public:
    void text(std::string_view value);
    void text(std::string&& value);
    void text(const char* value) { text(std::string_view(value)); }
    void flag(bool value);
    void object(std::unique_ptr<View> view);
    void list(std::size_t size, const RowMaker& rows);

private:
    friend class LazyContext;
    friend Data materialize(const View& view);
    explicit Slot(Scratch& scratch) : m_scratch(&scratch) {}
    explicit Slot(Data& target) : m_target(&target) {}
    Scratch* m_scratch = nullptr; ///< rendering: the value goes here
    Data* m_target = nullptr;     ///< materialize(): the value is built here
    const Data* m_value = nullptr;
};

/// The view as Data, every member built: for the few places that add members of their own to
/// an object, or put one object in a page's data.
[[nodiscard]] Data materialize(const View& view);

/// The lists of views in one page's data. `list()` gives the Data to put where the list goes;
/// the lists' rows are made by the LazyContext that renders the data, which needs this
/// registry. It must outlive the rendering.
class LazyLists {
public:
    LazyLists() = default;
    LazyLists(const LazyLists&) = delete;
    LazyLists& operator=(const LazyLists&) = delete;

    /// A list of `size` rows, row `i` made by `rows(i)` when a template enters it.
    [[nodiscard]] Data list(std::size_t size, RowMaker rows);

    struct Range {
        const Data* begin = nullptr;
        std::size_t size = 0;
        RowMaker rows;
    };
    /// The list whose rows include `item`, or nullptr.
    [[nodiscard]] const Range* find(const Data* item) const;

private:
    std::deque<Range> m_ranges;
};

/// Renders the compiled template `tmpl` with `data`, whose lists may be views registered in
/// `lists`; `reserve`: the bytes to reserve for the output.
std::string render_lazy(const kainjow::mustache::mustache& tmpl, const Data& data, const LazyLists* lists,
                        std::size_t reserve = 0);

} // namespace parkpress::render
