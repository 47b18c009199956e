#include "ui/dialogs/ostep_dialog.h"

#include "core/ostep/ostep_run.h"
#include "core/ostep/script_options.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace procscope::ui {

namespace {

const QStringList kScripts{QStringLiteral("process-run"), QStringLiteral("scheduler"), QStringLiteral("mlfq"),
    QStringLiteral("lottery")};

ostep::OptionParser parserFor(int script)
{
    switch (script) {
    case 0:
        return ostep::processRunParser();
    case 1:
        return ostep::schedulerParser();
    case 2:
        return ostep::mlfqParser();
    default:
        return ostep::lotteryParser();
    }
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

OstepDialog::OstepDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("OSTEP homework simulator"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Run one of the simulators of Operating Systems: Three Easy Pieces with the "
                                "same options as the script. ProcScope shows the same run, tick for tick, "
                                "in every view."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_script = new QComboBox(this);
    for (const QString& s : kScripts)
        m_script->addItem(s + QStringLiteral(".py"));
    layout->addWidget(m_script);
    m_forms = new QStackedWidget(this);
    layout->addWidget(m_forms, 1);
    m_fields.resize(static_cast<std::size_t>(kScripts.size()));
    for (int s = 0; s < kScripts.size(); ++s) {
        auto* page = new QWidget(m_forms);
        auto* form = new QFormLayout(page);
        const ostep::OptionParser parser = parserFor(s); // options() refers into it: keep it alive
        for (const ostep::OptionSpec& spec : parser.options()) {
            if (spec.kind == ostep::OptionKind::Help || spec.dest == "solve")
                continue; // the GUI always computes the answer
            const QString flag = spec.shortName ? QStringLiteral("-") + QChar::fromLatin1(spec.shortName)
                                                : QStringLiteral("--") + q(spec.longName);
            QWidget* editor = nullptr;
            if (spec.kind == ostep::OptionKind::Flag) {
                auto* box = new QCheckBox(page);
                connect(box, &QCheckBox::toggled, this, &OstepDialog::updatePreview);
                editor = box;
            } else {
                auto* line = new QLineEdit(page);
                if (const auto* i = std::get_if<ostep::PyInt>(&spec.defaultValue))
                    line->setPlaceholderText(q(i->str()));
                else if (const auto* t = std::get_if<std::string>(&spec.defaultValue))
                    line->setPlaceholderText(q(*t));
                connect(line, &QLineEdit::textChanged, this, &OstepDialog::updatePreview);
                editor = line;
            }
            editor->setToolTip(q(spec.help));
            form->addRow(
                flag + QStringLiteral("  ") + q(spec.longName.empty() ? spec.dest : spec.longName), editor);
            m_fields[static_cast<std::size_t>(s)].push_back(Field{flag, editor});
        }
        m_forms->addWidget(page);
    }
    m_preview = new QLineEdit(this);
    m_preview->setReadOnly(true);
    layout->addWidget(new QLabel(tr("The same run from a terminal:"), this));
    layout->addWidget(m_preview);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OstepDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OstepDialog::reject);
    connect(m_script, &QComboBox::currentIndexChanged, m_forms, &QStackedWidget::setCurrentIndex);
    connect(m_script, &QComboBox::currentIndexChanged, this, &OstepDialog::updatePreview);
    updatePreview();
}

QString OstepDialog::script() const
{
    return kScripts.at(m_script->currentIndex());
}

QStringList OstepDialog::arguments() const
{
    QStringList args;
    for (const Field& f : m_fields[static_cast<std::size_t>(m_script->currentIndex())]) {
        if (auto* box = qobject_cast<QCheckBox*>(f.editor)) {
            if (box->isChecked())
                args << f.flag;
        } else if (auto* line = qobject_cast<QLineEdit*>(f.editor);
                   line && !line->text().trimmed().isEmpty()) {
            args << f.flag << line->text().trimmed();
        }
    }
    return args;
}

void OstepDialog::setCommand(const QString& scriptName, const QStringList& args)
{
    const int s = kScripts.indexOf(QString(scriptName).remove(QStringLiteral(".py")));
    if (s < 0)
        return;
    m_script->setCurrentIndex(s);
    for (const Field& f : m_fields[static_cast<std::size_t>(s)]) {
        const auto at = args.indexOf(f.flag);
        if (auto* box = qobject_cast<QCheckBox*>(f.editor))
            box->setChecked(at >= 0);
        else if (auto* line = qobject_cast<QLineEdit*>(f.editor))
            line->setText(at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString());
    }
    updatePreview();
}

void OstepDialog::updatePreview()
{
    m_preview->setText(
        QStringLiteral("procscope-cli ostep %1 %2 -c").arg(script(), arguments().join(QLatin1Char(' '))));
    m_error->hide();
}

void OstepDialog::accept()
{
    std::vector<std::string> argv;
    for (const QString& a : arguments())
        argv.push_back(a.toStdString());
    argv.emplace_back("-c");
    const auto run = ostep::runOstep(script().toStdString(), argv);
    if (run.exitCode != 0 || !run.workload) {
        const std::string why = !run.err.empty() ? run.err : run.out;
        m_error->setText(
            q(why).trimmed().isEmpty() ? tr("These options do not give a run.") : q(why).trimmed());
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace procscope::ui
