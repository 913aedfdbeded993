#include "render/lazy.hpp"

#include <functional>

namespace parkpress::render {

namespace {

const Data k_true{true};
const Data k_false{false};

/// `size` placeholders, truthy objects with no members of their own, that the context knows
/// by their address.
void fill(kainjow::mustache::basic_list<std::string>& items, std::size_t size) {
    items.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        items.emplace_back(true);
    }
}

bool contains(const LazyLists::Range& range, const Data* item) {
    const std::less<const Data*> before;
    return !before(item, range.begin) && before(item, range.begin + range.size);
}

} // namespace

/// The values that views gave while one frame of the context was the innermost: they live
/// until that frame is left, which is after the template is done with them (a section's
/// value is asked for, entered and left within the frame that was innermost when it was
/// asked for).
class Scratch {
public:
    /// Strings, kept with their memory when the frame is left: the next row's values reuse
    /// them. [0, used) hold this frame's values.
    std::deque<Data> strings;
    std::size_t used = 0;
    std::deque<Data> values; ///< objects' placeholders and lists
    std::vector<std::pair<const Data*, std::unique_ptr<View>>> objects; ///< placeholder → its view
    std::vector<LazyLists::Range> lists;

    /// A string value of this frame, to be filled.
    std::string& next_string(const Data*& value) {
        if (used == strings.size()) {
            strings.emplace_back(Data::type::string);
        }
        const Data& d = strings[used++];
        value = &d;
        // kainjow's data exposes its string only as const; the string itself is not const.
        return const_cast<std::string&>(d.string_value());
    }

    void clear() {
        used = 0;
        values.clear();
        objects.clear();
        lists.clear();
    }
};

void Slot::text(std::string_view value) {
    if (m_target != nullptr) {
        text(std::string(value));
        return;
    }
    m_scratch->next_string(m_value).assign(value);
}

void Slot::text(std::string&& value) {
    if (m_target != nullptr) {
        *m_target = Data(Data::type::string);
        const_cast<std::string&>(m_target->string_value()) = std::move(value);
        m_value = m_target;
        return;
    }
    m_scratch->next_string(m_value) = std::move(value);
}

void Slot::flag(bool value) {
    if (m_target != nullptr) {
        *m_target = Data(value);
        m_value = m_target;
    } else {
        m_value = value ? &k_true : &k_false;
    }
}

void Slot::object(std::unique_ptr<View> view) {
    if (m_target != nullptr) {
        *m_target = materialize(*view);
        m_value = m_target;
        return;
    }
    // A truthy object with no members of its own; the context knows it by its address.
    Data& d = m_scratch->values.emplace_back(true);
    m_scratch->objects.emplace_back(&d, std::move(view));
    m_value = &d;
}

void Slot::list(std::size_t size, const RowMaker& rows) {
    if (m_target != nullptr) {
        *m_target = Data(Data::type::list);
        auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(m_target->list_value());
        items.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            items.push_back(materialize(*rows(i)));
        }
        m_value = m_target;
        return;
    }
    Data& d = m_scratch->values.emplace_back(Data::type::list);
    auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(d.list_value());
    fill(items, size);
    m_scratch->lists.push_back({items.data(), size, rows});
    m_value = &d;
}

Data materialize(const View& view) {
    Data out;
    for (const std::string_view name : view.names()) {
        Data value{false}; // replaced by the member's value
        Slot slot(value);
        if (view.member(name, slot)) {
            put(out, std::string(name), std::move(value));
        }
    }
    return out;
}

Data LazyLists::list(std::size_t size, RowMaker rows) {
    Data d{Data::type::list};
    auto& items = const_cast<kainjow::mustache::basic_list<std::string>&>(d.list_value());
    fill(items, size);
    m_ranges.push_back({items.data(), size, std::move(rows)}); // moving `d` keeps its items where they are
    return d;
}

const LazyLists::Range* LazyLists::find(const Data* item) const {
    for (const auto& range : m_ranges) {
        if (contains(range, item)) {
            return &range;
        }
    }
    return nullptr;
}

/// kainjow's context (the stack of objects a template's names are looked up in), with views
/// as well as Data on the stack. Looks names up exactly as kainjow's own context does.
class LazyContext final : public kainjow::mustache::basic_context<std::string> {
public:
    LazyContext(const Data* root, const LazyLists* lists) : m_lists(lists) { push(root); }

    void push(const Data* data) override {
        if (m_depth == m_frames.size()) {
            m_frames.emplace_back();
        }
        Frame& frame = m_frames[m_depth];
        frame.data = data;
        frame.view = nullptr;
        if (m_depth > 0) {
            Scratch& scratch = m_frames[m_depth - 1].scratch;
            for (auto& [placeholder, view] : scratch.objects) {
                if (placeholder == data) {
                    frame.view = view.get();
                    break;
                }
            }
            if (frame.view == nullptr) {
                for (const auto& range : scratch.lists) {
                    if (contains(range, data)) {
                        enter_row(frame, range, data);
                        break;
                    }
                }
            }
        }
        if (frame.view == nullptr && m_lists != nullptr) {
            if (const LazyLists::Range* range = m_lists->find(data)) {
                enter_row(frame, *range, data);
            }
        }
        ++m_depth;
    }

    void pop() override {
        --m_depth;
        Frame& frame = m_frames[m_depth];
        frame.scratch.clear();
        frame.own.reset();
        frame.view = nullptr;
    }

    const Data* get(const std::string& name) const override {
        if (name.size() == 1 && name[0] == '.') {
            return m_frames[m_depth - 1].data;
        }
        if (name.find('.') == std::string::npos) {
            for (std::size_t i = m_depth; i-- > 0;) {
                if (const Data* value = member(m_frames[i], name)) {
                    return value;
                }
            }
            return nullptr;
        }
        // x.y: the first object on the stack in which the whole path resolves.
        std::vector<std::string> names;
        std::string_view rest = name;
        for (std::size_t dot; (dot = rest.find('.')) != std::string_view::npos; rest.remove_prefix(dot + 1)) {
            names.emplace_back(rest.substr(0, dot));
        }
        names.emplace_back(rest);
        for (std::size_t i = m_depth; i-- > 0;) {
            const Data* value = member(m_frames[i], names[0]);
            for (std::size_t n = 1; value != nullptr && n < names.size(); ++n) {
                value = member_of(value, names[n]);
            }
            if (value != nullptr) {
                return value;
            }
        }
        return nullptr;
    }

    const Data* get_partial(const std::string& name) const override {
        for (std::size_t i = m_depth; i-- > 0;) {
            if (const Data* value = m_frames[i].data->get(name)) {
                return value;
            }
        }
        return nullptr;
    }

private:
    struct Frame {
        const Data* data = nullptr;
        const View* view = nullptr;  ///< data's view, when data is a view's placeholder
        std::unique_ptr<View> own;   ///< the row's view, when data is a row of a list of views
        Scratch scratch;
    };

    static void enter_row(Frame& frame, const LazyLists::Range& range, const Data* item) {
        frame.own = range.rows(static_cast<std::size_t>(item - range.begin));
        frame.view = frame.own.get();
    }

    /// `name` in one frame: the view's member, or the Data's.
    const Data* member(const Frame& frame, const std::string& name) const {
        if (frame.view != nullptr) {
            Slot slot(m_frames[m_depth - 1].scratch);
            return frame.view->member(name, slot) ? slot.m_value : nullptr;
        }
        return frame.data->get(name);
    }

    /// `name` in a value found on the way along an x.y path.
    const Data* member_of(const Data* value, const std::string& name) const {
        for (const auto& [placeholder, view] : m_frames[m_depth - 1].scratch.objects) {
            if (placeholder == value) {
                Slot slot(m_frames[m_depth - 1].scratch);
                return view->member(name, slot) ? slot.m_value : nullptr;
            }
        }
        return value->get(name);
    }

    const LazyLists* m_lists;
    mutable std::deque<Frame> m_frames; ///< [0, m_depth) in use; the rest kept for their memory
    std::size_t m_depth = 0;
};

namespace {
/// kainjow's render() writes to a stream; this one appends to a string.
struct Appender {
    std::string& out;
    Appender& operator<<(const std::string& text) {
        out += text;
        return *this;
    }
};
} // namespace

std::string render_lazy(const kainjow::mustache::mustache& tmpl, const Data& data, const LazyLists* lists,
                        std::size_t reserve) {
    LazyContext context(&data, lists);
    std::string out;
    out.reserve(reserve);
    Appender appender{out};
    // render() is not const in kainjow, though a compiled template does not change while it renders
    // (its error message aside, which the caller reads afterwards).
    const_cast<kainjow::mustache::mustache&>(tmpl).render(context, appender);
    return out;
}

} // namespace parkpress::render
