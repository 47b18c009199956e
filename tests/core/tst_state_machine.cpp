// The process state machine of core/model/types.h: which transitions are legal, and state names.
#include "core/model/types.h"

#include <QTest>

#include <string>

using procscope::ProcessState;

class TestStateMachine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void legalTransitions_data();
    void legalTransitions();
    void stateNames_data();
    void stateNames();
};

void TestStateMachine::legalTransitions_data()
{
    QTest::addColumn<ProcessState>("from");
    QTest::addColumn<ProcessState>("to");
    QTest::addColumn<bool>("legal");

    using S = ProcessState;
    const auto row = [](S from, S to, bool legal) {
        QTest::addRow("%s -> %s", std::string(procscope::stateName(from)).c_str(),
            std::string(procscope::stateName(to)).c_str())
            << from << to << legal;
    };
    // OSTEP ch. 4: admit, schedule, deschedule, I/O start and done, exit, reap.
    row(S::New, S::Ready, true);
    row(S::Ready, S::Running, true);
    row(S::Running, S::Ready, true);
    row(S::Running, S::Blocked, true);
    row(S::Blocked, S::Ready, true);
    row(S::Running, S::Zombie, true);
    row(S::Zombie, S::Terminated, true);
    // Kill reaches any live state; suspend and resume.
    row(S::New, S::Zombie, true);
    row(S::Blocked, S::Zombie, true);
    row(S::Ready, S::Suspended, true);
    row(S::Running, S::Suspended, true);
    row(S::Suspended, S::Ready, true);
    row(S::Suspended, S::Blocked, true);
    row(S::Suspended, S::Zombie, true);

    row(S::New, S::Running, false);     // must be admitted first
    row(S::Ready, S::Blocked, false);   // only a running process starts I/O
    row(S::Blocked, S::Running, false); // I/O done makes it ready, not running
    row(S::Running, S::Running, false);
    row(S::Ready, S::New, false);
    row(S::Zombie, S::Ready, false); // no way back from exit
    row(S::Zombie, S::Suspended, false);
    row(S::Terminated, S::Ready, false);
    row(S::Terminated, S::Suspended, false);
    row(S::Suspended, S::Running, false); // resume goes through the ready queue
    row(S::Suspended, S::Suspended, false);
    row(S::Unknown, S::Ready, false);
}

void TestStateMachine::legalTransitions()
{
    QFETCH(ProcessState, from);
    QFETCH(ProcessState, to);
    QFETCH(bool, legal);

    QCOMPARE(procscope::isLegalTransition(from, to), legal);
}

void TestStateMachine::stateNames_data()
{
    QTest::addColumn<ProcessState>("state");
    QTest::addColumn<QByteArray>("name");

    using S = ProcessState;
    QTest::newRow("New") << S::New << QByteArray("New");
    QTest::newRow("Ready") << S::Ready << QByteArray("Ready");
    QTest::newRow("Running") << S::Running << QByteArray("Running");
    QTest::newRow("Blocked") << S::Blocked << QByteArray("Blocked");
    QTest::newRow("Suspended") << S::Suspended << QByteArray("Suspended");
    QTest::newRow("Zombie") << S::Zombie << QByteArray("Zombie");
    QTest::newRow("Terminated") << S::Terminated << QByteArray("Terminated");
    QTest::newRow("Unknown") << S::Unknown << QByteArray("Unknown");
}

void TestStateMachine::stateNames()
{
    QFETCH(ProcessState, state);
    QFETCH(QByteArray, name);

    const std::string_view actual = procscope::stateName(state);
    QCOMPARE(QByteArray(actual.data(), qsizetype(actual.size())), name);
}

QTEST_GUILESS_MAIN(TestStateMachine)
#include "tst_state_machine.moc"
