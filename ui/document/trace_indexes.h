// What the views derive from a trace and keep — the event log's index, the CPU plot's
// utilization lines, the state diagram's transition counts — built once per version of the trace
// and shared. For a big file the background job that loads it builds them too (see
// prepare_views.h), so the window receives a trace that is ready to show and the GUI thread never
// spends seconds indexing ten million events; a view that finds its index missing (a live
// simulation that just changed, a setting the job did not foresee) builds it on the spot.
//
// Typed by the index's C++ type plus a key naming its parameters ("samples=250000 window=0").
// Filled on one thread at a time: the worker before it hands the document over, then the GUI.
#pragma once

#include <memory>
#include <string>
#include <typeindex>
#include <utility>
#include <vector>

namespace procscope::ui {

class TraceIndexes {
public:
    // The index of type T for `key`, built by `build()` (returning a T) if it is not there yet.
    template <typename T, typename Build>
    std::shared_ptr<const T> get(const std::string& key, Build&& build)
    {
        if (auto found = find<T>(key))
            return found;
        auto made = std::make_shared<const T>(std::forward<Build>(build)());
        m_entries.push_back({std::type_index(typeid(T)), key, made});
        return made;
    }

    // The index if it was built; null otherwise.
    template <typename T>
    std::shared_ptr<const T> find(const std::string& key) const
    {
        for (const Entry& e : m_entries)
            if (e.type == std::type_index(typeid(T)) && e.key == key)
                return std::static_pointer_cast<const T>(e.value);
        return nullptr;
    }

    // The trace changed: every index is stale. Views still holding one keep it alive until they
    // re-read.
    void clear() { m_entries.clear(); }
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        std::type_index type;
        std::string key;
        std::shared_ptr<const void> value;
    };
    std::vector<Entry> m_entries;
};

} // namespace procscope::ui
