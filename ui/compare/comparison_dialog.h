// "Compare policies side by side": the teacher chooses the variants — any policies with their
// parameters, several at once (RR q=1, RR q=4, MLFQ with three queues) — or takes a standard
// comparison as a quick choice and adjusts it. The list on the left is the variants; the form on
// the right edits the one selected.
#pragma once

#include "core/model/workload.h"
#include "ui/compare/comparison.h"

#include <QDialog>

#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace procscope::ui {

class PolicyEditor;

class ComparisonDialog : public QDialog {
    Q_OBJECT

public:
    // More charts than this would not each stay readable on one screen.
    static constexpr int kMaxVariants = 8;

    explicit ComparisonDialog(const Workload& workload, QWidget* parent = nullptr);

    // The chosen variants, in chart order; their labels are left empty (made from the policy).
    const std::vector<ComparisonVariant>& variants() const { return m_variants; }
    // Replaces the list (a quick choice) and selects its first variant.
    void setVariants(std::vector<ComparisonVariant> variants);

    QListWidget* list() const { return m_list; }
    PolicyEditor* editor() const { return m_editor; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* compareButton() const { return m_compare; }
    QLabel* problem() const { return m_problem; }

    void accept() override;

public Q_SLOTS:
    // A new variant with the form's settings, selected so that the form now edits it.
    void addVariant();
    void removeVariant();

private:
    void select(int row);
    void onEdited();
    void refreshList();
    void refreshButtons();

    Workload m_workload;
    std::vector<ComparisonVariant> m_variants;
    QListWidget* m_list = nullptr;
    PolicyEditor* m_editor = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_compare = nullptr;
    bool m_editValid = true;
};

} // namespace procscope::ui
