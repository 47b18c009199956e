#include "ui/compare/comparison_dialog.h"

#include "ui/dialogs/policy_editor.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace procscope::ui {

ComparisonDialog::ComparisonDialog(const Workload& workload, QWidget* parent)
    : QDialog(parent)
    , m_workload(workload)
{
    setWindowTitle(tr("Compare policies side by side"));
    auto* layout = new QVBoxLayout(this);

    auto* quick = new QGroupBox(tr("Quick choices"), this);
    auto* quickLayout = new QHBoxLayout(quick);
    for (ComparisonPreset& preset : standardComparisons(workload)) {
        auto* button = new QPushButton(preset.name, quick);
        button->setAutoDefault(false);
        quickLayout->addWidget(button);
        connect(button, &QPushButton::clicked, this,
            [this, variants = std::move(preset.variants)] { setVariants(variants); });
    }
    quickLayout->addStretch(1);
    layout->addWidget(quick);

    auto* variantsBox = new QGroupBox(tr("Variants, one chart each"), this);
    auto* variantsLayout = new QVBoxLayout(variantsBox);
    m_list = new QListWidget(variantsBox);
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("8. MLFQ 3 queues, q=10, boost 50")) +
        4 * fontMetrics().averageCharWidth());
    variantsLayout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add"), variantsBox);
    m_add->setToolTip(tr("Add a variant with the settings on the right, then change them"));
    m_remove = new QPushButton(tr("&Remove"), variantsBox);
    m_remove->setToolTip(tr("Remove the selected variant (Delete)"));
    for (QPushButton* b : {m_add, m_remove}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    variantsLayout->addLayout(buttons);
    auto* hint =
        new QLabel(tr("Add copies the selected variant; change the copy on the right."), variantsBox);
    hint->setWordWrap(true);
    variantsLayout->addWidget(hint);

    auto* policyBox = new QGroupBox(tr("Selected variant"), this);
    auto* policyLayout = new QVBoxLayout(policyBox);
    m_editor = new PolicyEditor(workload.policy, policyBox);
    policyLayout->addWidget(m_editor);
    m_problem = new QLabel(policyBox);
    m_problem->setWordWrap(true);
    policyLayout->addWidget(m_problem);
    policyLayout->addStretch(1);

    auto* middle = new QHBoxLayout;
    middle->addWidget(variantsBox, 1);
    middle->addWidget(policyBox, 1);
    layout->addLayout(middle, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_compare = box->addButton(tr("&Compare"), QDialogButtonBox::AcceptRole);
    m_compare->setDefault(true);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::accepted, this, &ComparisonDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &ComparisonDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ComparisonDialog::addVariant);
    connect(m_remove, &QPushButton::clicked, this, &ComparisonDialog::removeVariant);
    auto* remove = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &ComparisonDialog::removeVariant);
    connect(m_list, &QListWidget::currentRowChanged, this, &ComparisonDialog::select);
    connect(m_editor, &PolicyEditor::edited, this, &ComparisonDialog::onEdited);

    // The workload's own policy first: "this lesson's policy against ...".
    setVariants({{{}, workload.policy, {}}});
}

void ComparisonDialog::setVariants(std::vector<ComparisonVariant> variants)
{
    if (static_cast<int>(variants.size()) > kMaxVariants)
        variants.resize(kMaxVariants);
    m_variants = std::move(variants);
    refreshList();
    m_list->setCurrentRow(m_variants.empty() ? -1 : 0);
    select(m_list->currentRow());
}

void ComparisonDialog::addVariant()
{
    if (!m_editValid || static_cast<int>(m_variants.size()) >= kMaxVariants)
        return;
    m_variants.push_back({{}, *m_editor->policy(), {}});
    refreshList();
    m_list->setCurrentRow(static_cast<int>(m_variants.size()) - 1);
}

void ComparisonDialog::removeVariant()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_variants.size()))
        return;
    m_variants.erase(m_variants.begin() + row);
    refreshList();
    m_list->setCurrentRow(std::min(row, static_cast<int>(m_variants.size()) - 1));
    select(m_list->currentRow());
}

// The form shows the selected variant; with none selected it keeps its settings for Add.
void ComparisonDialog::select(int row)
{
    if (row >= 0 && row < static_cast<int>(m_variants.size()))
        m_editor->setPolicy(m_variants[static_cast<std::size_t>(row)].policy);
    m_editValid = true;
    m_problem->clear();
    refreshButtons();
}

void ComparisonDialog::onEdited()
{
    QString problem;
    const std::optional<PolicySpec> policy = m_editor->policy(&problem);
    m_editValid = policy.has_value();
    m_problem->setText(problem);
    const int row = m_list->currentRow();
    if (policy && row >= 0 && row < static_cast<int>(m_variants.size())) {
        m_variants[static_cast<std::size_t>(row)].policy = *policy;
        m_list->item(row)->setText(QStringLiteral("%1. %2").arg(row + 1).arg(variantLabel(*policy)));
    }
    refreshButtons();
}

void ComparisonDialog::refreshList()
{
    const QSignalBlocker block(m_list);
    const int current = m_list->currentRow();
    m_list->clear();
    for (std::size_t i = 0; i < m_variants.size(); ++i)
        m_list->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(variantLabel(m_variants[i].policy)));
    m_list->setCurrentRow(std::min(current, m_list->count() - 1));
}

void ComparisonDialog::refreshButtons()
{
    const auto count = static_cast<int>(m_variants.size());
    m_add->setEnabled(m_editValid && count < kMaxVariants);
    m_remove->setEnabled(m_list->currentRow() >= 0);
    m_compare->setEnabled(m_editValid && count > 0);
}

// A variant the engine would refuse is shown here, while it can still be changed.
void ComparisonDialog::accept()
{
    if (!m_editValid || m_variants.empty())
        return;
    for (std::size_t i = 0; i < m_variants.size(); ++i) {
        Workload w = m_workload;
        w.policy = m_variants[i].policy;
        if (m_variants[i].machine)
            w.machine = *m_variants[i].machine;
        if (const std::string problem = normalize(w); !problem.empty()) {
            m_list->setCurrentRow(static_cast<int>(i));
            m_problem->setText(QString::fromStdString(problem));
            return;
        }
    }
    QDialog::accept();
}

} // namespace procscope::ui
