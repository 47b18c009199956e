// "OSTEP homework…": pick one of the four homework simulators and set its options, exactly the
// options the script takes. The form is built from the script's own option table.
#pragma once

#include <QDialog>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace procscope::ui {

class OstepDialog : public QDialog {
    Q_OBJECT

public:
    explicit OstepDialog(QWidget* parent = nullptr);

    // Preset the form from a command line ("process-run", {"-l", "5:50", "-s", "3"}).
    void setCommand(const QString& script, const QStringList& args);
    QString script() const;
    QStringList arguments() const;

    void accept() override;

private:
    struct Field {
        QString flag; // "-s"
        QWidget* editor;
    };
    void updatePreview();

    QComboBox* m_script;
    QStackedWidget* m_forms;
    std::vector<std::vector<Field>> m_fields; // per script
    QLineEdit* m_preview;
    QLabel* m_error;
};

} // namespace procscope::ui
