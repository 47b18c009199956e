// The optparse emulation of core/ostep against what CPython 3.11.7's optparse does with the four OSTEP
// scripts: int forms, long prefixes, clustering, errors byte for byte, and -h against fixtures made by
// running the real scripts with python3 (COLUMNS unset, output piped).
#include "core/ostep/optparse.h"
#include "core/ostep/py_format.h"
#include "core/ostep/py_int.h"
#include "core/ostep/script_options.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace procscope::ostep;

namespace {

QByteArray bytes(const std::string& s)
{
    return QByteArray::fromStdString(s);
}

std::vector<std::string> argv(const QByteArrayList& list)
{
    std::vector<std::string> out;
    for (const QByteArray& a : list)
        out.push_back(a.toStdString());
    return out;
}

QByteArray usageError(const char* script, const QByteArray& message)
{
    return QByteArray("Usage: ") + script + " [options]\n\n" + script + ": error: " + message + "\n";
}

ParseResult parseWith(const QByteArray& script, const std::vector<std::string>& args)
{
    if (script == "process-run")
        return processRunParser().parse(args);
    if (script == "scheduler")
        return schedulerParser().parse(args);
    if (script == "mlfq")
        return mlfqParser().parse(args);
    return lotteryParser().parse(args);
}

} // namespace

class TestOptparse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void intForms_data();
    void intForms();
    void optionForms_data();
    void optionForms();
    void positionalArguments();
    void usageErrors_data();
    void usageErrors();
    void helpMatchesPython_data();
    void helpMatchesPython();
    void helpStopsParsingWhereItIs();
    void helpNarrowTerminal();
    void typedProcessRun();
    void typedOtherScripts();
    void bigSeedAndOutOfRange();
    void pyIntParsing_data();
    void pyIntParsing();
    void pyFloatParsing_data();
    void pyFloatParsing();
};

void TestOptparse::intForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("value");
    // optparse._parse_num: 0x hex, 0b binary (prefix stripped by optparse), other leading 0 octal.
    QTest::newRow("octal 010") << QByteArray("010") << true << QByteArray("8");
    QTest::newRow("octal 09") << QByteArray("09") << false << QByteArray();
    QTest::newRow("octal 08") << QByteArray("08") << false << QByteArray();
    QTest::newRow("zero") << QByteArray("0") << true << QByteArray("0");
    QTest::newRow("00") << QByteArray("00") << true << QByteArray("0");
    QTest::newRow("0o17") << QByteArray("0o17") << true << QByteArray("15");
    QTest::newRow("0_7") << QByteArray("0_7") << true << QByteArray("7");
    QTest::newRow("hex") << QByteArray("0x1f") << true << QByteArray("31");
    QTest::newRow("HEX") << QByteArray("0X1F") << true << QByteArray("31");
    QTest::newRow("0x_1f") << QByteArray("0x_1f") << true << QByteArray("31");
    QTest::newRow("bare 0x") << QByteArray("0x") << false << QByteArray();
    QTest::newRow("binary") << QByteArray("0b101") << true << QByteArray("5");
    QTest::newRow("BINARY") << QByteArray("0B11") << true << QByteArray("3");
    QTest::newRow("bare 0b") << QByteArray("0b") << true << QByteArray("0");
    QTest::newRow("0b-1") << QByteArray("0b-1") << true << QByteArray("-1");
    QTest::newRow("0b_1") << QByteArray("0b_1") << false << QByteArray();
    QTest::newRow("-05 is decimal") << QByteArray("-05") << true << QByteArray("-5");
    QTest::newRow("-0x1f") << QByteArray("-0x1f") << false << QByteArray();
    QTest::newRow("+7") << QByteArray("+7") << true << QByteArray("7");
    QTest::newRow("spaces") << QByteArray(" 12 ") << true << QByteArray("12");
    QTest::newRow(" 0x10") << QByteArray(" 0x10") << false << QByteArray();
    QTest::newRow("1_000") << QByteArray("1_000") << true << QByteArray("1000");
    QTest::newRow("1__0") << QByteArray("1__0") << false << QByteArray();
    QTest::newRow("1_") << QByteArray("1_") << false << QByteArray();
    QTest::newRow("1e3") << QByteArray("1e3") << false << QByteArray();
    QTest::newRow("empty") << QByteArray("") << false << QByteArray();
    QTest::newRow("minus") << QByteArray("-") << false << QByteArray();
    QTest::newRow("big") << QByteArray("99999999999999999999999") << true
                         << QByteArray("99999999999999999999999");
}

void TestOptparse::intForms()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, value);
    const auto v = optparseInt(text.toStdString());
    QCOMPARE(v.has_value(), valid);
    if (v)
        QCOMPARE(bytes(v->str()), value);
}

void TestOptparse::optionForms_data()
{
    QTest::addColumn<QByteArrayList>("args");
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArray>("list");
    QTest::addColumn<bool>("solve");
    QTest::addColumn<bool>("stats");
    QTest::newRow("defaults") << QByteArrayList{} << QByteArray("0") << QByteArray("") << false << false;
    QTest::newRow("-s 5") << QByteArrayList{"-s", "5"} << QByteArray("5") << QByteArray("") << false << false;
    QTest::newRow("-s5") << QByteArrayList{"-s5"} << QByteArray("5") << QByteArray("") << false << false;
    QTest::newRow("--seed=5") << QByteArrayList{"--seed=5"} << QByteArray("5") << QByteArray("") << false
                              << false;
    QTest::newRow("--seed 5") << QByteArrayList{"--seed", "5"} << QByteArray("5") << QByteArray("") << false
                              << false;
    QTest::newRow("--se=5 prefix") << QByteArrayList{"--se=5"} << QByteArray("5") << QByteArray("") << false
                                   << false;
    QTest::newRow("-s -5 takes the dash value")
        << QByteArrayList{"-s", "-5"} << QByteArray("-5") << QByteArray("") << false << false;
    QTest::newRow("-s 010 octal") << QByteArrayList{"-s", "010"} << QByteArray("8") << QByteArray("") << false
                                  << false;
    QTest::newRow("later wins") << QByteArrayList{"-s", "1", "--seed=2", "-s3"} << QByteArray("3")
                                << QByteArray("") << false << false;
    QTest::newRow("--proc prefix") << QByteArrayList{"--proc=3:50"} << QByteArray("0") << QByteArray("3:50")
                                   << false << false;
    QTest::newRow("--processlist value with =")
        << QByteArrayList{"--processlist=a=b"} << QByteArray("0") << QByteArray("a=b") << false << false;
    QTest::newRow("empty value") << QByteArrayList{"-l", ""} << QByteArray("0") << QByteArray("") << false
                                 << false;
    QTest::newRow("cluster -cp") << QByteArrayList{"-cp"} << QByteArray("0") << QByteArray("") << true
                                 << true;
    QTest::newRow("cluster -cps5") << QByteArrayList{"-cps5"} << QByteArray("5") << QByteArray("") << true
                                   << true;
    QTest::newRow("cluster -cs then value")
        << QByteArrayList{"-cs", "7"} << QByteArray("7") << QByteArray("") << true << false;
    QTest::newRow("-lcp swallows the rest")
        << QByteArrayList{"-lcp"} << QByteArray("0") << QByteArray("cp") << false << false;
    QTest::newRow("--printstats prefix --pri")
        << QByteArrayList{"--pri", "-c"} << QByteArray("0") << QByteArray("") << true << true;
    QTest::newRow("-- ends options") << QByteArrayList{"-c", "--", "-s", "9"} << QByteArray("0")
                                     << QByteArray("") << true << false;
}

void TestOptparse::optionForms()
{
    QFETCH(QByteArrayList, args);
    QFETCH(QByteArray, seed);
    QFETCH(QByteArray, list);
    QFETCH(bool, solve);
    QFETCH(bool, stats);
    const ParseResult r = processRunParser().parse(argv(args));
    QVERIFY(!r.stopped());
    QCOMPARE(bytes(r.intValue("seed").str()), seed);
    QCOMPARE(bytes(r.stringValue("process_list")), list);
    QCOMPARE(r.flagValue("solve"), solve);
    QCOMPARE(r.flagValue("print_stats"), stats);
}

void TestOptparse::positionalArguments()
{
    const ParseResult r = processRunParser().parse(argv({"x", "-c", "-", "", "--", "-s", "9", "--seed=1"}));
    QVERIFY(!r.stopped());
    QCOMPARE(bytes(r.intValue("seed").str()), QByteArray("0"));
    const std::vector<std::string> expected{"x", "-", "", "-s", "9", "--seed=1"};
    QCOMPARE(r.positional, expected);
}

void TestOptparse::usageErrors_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QByteArrayList>("args");
    QTest::addColumn<QByteArray>("message");
    const QByteArray pr("process-run");
    QTest::newRow("unknown short") << pr << QByteArrayList{"-z"} << QByteArray("no such option: -z");
    QTest::newRow("unknown in cluster") << pr << QByteArrayList{"-cz"} << QByteArray("no such option: -z");
    QTest::newRow("unknown long") << pr << QByteArrayList{"--zzz=1"} << QByteArray("no such option: --zzz");
    QTest::newRow("triple dash") << pr << QByteArrayList{"---s"} << QByteArray("no such option: ---s");
    QTest::newRow("missing short") << pr << QByteArrayList{"-s"}
                                   << QByteArray("-s option requires 1 argument");
    QTest::newRow("missing long") << pr << QByteArrayList{"--seed"}
                                  << QByteArray("--seed option requires 1 argument");
    QTest::newRow("missing long via prefix")
        << pr << QByteArrayList{"-c", "--se"} << QByteArray("--seed option requires 1 argument");
    QTest::newRow("bad int short") << pr << QByteArrayList{"-s", "x"}
                                   << QByteArray("option -s: invalid integer value: 'x'");
    QTest::newRow("bad int 09") << pr << QByteArrayList{"-s09"}
                                << QByteArray("option -s: invalid integer value: '09'");
    QTest::newRow("bad int long prefix")
        << pr << QByteArrayList{"--iol=x"} << QByteArray("option --iolength: invalid integer value: 'x'");
    QTest::newRow("bad int repr quotes")
        << pr << QByteArrayList{"-s", "it's"} << QByteArray("option -s: invalid integer value: \"it's\"");
    QTest::newRow("bad int repr tab")
        << pr << QByteArrayList{"--seed=a\tb"} << QByteArray("option --seed: invalid integer value: 'a\\tb'");
    QTest::newRow("bad int undecodable byte")
        << pr << QByteArrayList{"-s", "\xff"} << QByteArray("option -s: invalid integer value: '\\udcff'");
    QTest::newRow("flag with value") << pr << QByteArrayList{"--printstats=1"}
                                     << QByteArray("--printstats option does not take a value");
    QTest::newRow("ambiguous --s") << pr << QByteArrayList{"--s=5"}
                                   << QByteArray("ambiguous option: --s (--seed, --switch?)");
    QTest::newRow("ambiguous --p") << pr << QByteArrayList{"--p"}
                                   << QByteArray(
                                          "ambiguous option: --p (--printstats, --processlist, --program?)");
    QTest::newRow("non-ascii short") << pr << QByteArrayList{"-\xc3\xa9"}
                                     << QByteArray("no such option: -\xc3\xa9");
    QTest::newRow("first error wins")
        << pr << QByteArrayList{"-s", "x", "-z"} << QByteArray("option -s: invalid integer value: 'x'");
    QTest::newRow("mlfq ambiguous case-sensitive")
        << QByteArray("mlfq") << QByteArrayList{"--num=3"}
        << QByteArray("ambiguous option: --num (--numJobs, --numQueues?)");
    QTest::newRow("mlfq exact beats prefix") << QByteArray("mlfq") << QByteArrayList{"--quantum"}
                                             << QByteArray("--quantum option requires 1 argument");
    QTest::newRow("lottery --c is --compute") << QByteArray("lottery") << QByteArrayList{"--c=1"}
                                              << QByteArray("--compute option does not take a value");
    QTest::newRow("scheduler -c has no long form")
        << QByteArray("scheduler") << QByteArrayList{"--c"} << QByteArray("no such option: --c");
}

void TestOptparse::usageErrors()
{
    QFETCH(QByteArray, script);
    QFETCH(QByteArrayList, args);
    QFETCH(QByteArray, message);
    const ParseResult r = parseWith(script, argv(args));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    const QByteArray prog = script + ".py";
    QCOMPARE(bytes(r.err), usageError(prog.constData(), message));
}

void TestOptparse::helpMatchesPython_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QByteArrayList>("args");
    QTest::newRow("process-run -h") << QByteArray("process-run") << QByteArrayList{"-h"};
    QTest::newRow("process-run --help") << QByteArray("process-run") << QByteArrayList{"--help"};
    QTest::newRow("process-run --he") << QByteArray("process-run") << QByteArrayList{"-c", "--he", "-z"};
    QTest::newRow("scheduler -h") << QByteArray("scheduler") << QByteArrayList{"-h"};
    QTest::newRow("mlfq -h") << QByteArray("mlfq") << QByteArrayList{"-ch"};
    QTest::newRow("lottery -h") << QByteArray("lottery") << QByteArrayList{"-h"};
}

void TestOptparse::helpMatchesPython()
{
    QFETCH(QByteArray, script);
    QFETCH(QByteArrayList, args);
    QFile fixture(QStringLiteral(PROCSCOPE_TEST_DATA "/ostep-help/") + QString::fromLatin1(script) +
                  QStringLiteral(".txt"));
    QVERIFY2(fixture.open(QIODevice::ReadOnly), qPrintable(fixture.fileName()));
    const QByteArray expected = fixture.readAll();
    QVERIFY(!expected.isEmpty());
    const ParseResult r = parseWith(script, argv(args));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.empty());
    QCOMPARE(bytes(r.out), expected);
}

void TestOptparse::helpStopsParsingWhereItIs()
{
    // Errors before -h win; -h before an error wins.
    QCOMPARE(processRunParser().parse(argv({"-z", "-h"})).exitCode, 2);
    QCOMPARE(processRunParser().parse(argv({"-s", "09", "-h"})).exitCode, 2);
    QCOMPARE(processRunParser().parse(argv({"-h", "-z"})).exitCode, 0);
    // A value that looks like -h is a value.
    const ParseResult r = processRunParser().parse(argv({"-l", "-h"}));
    QVERIFY(!r.stopped());
    QCOMPARE(bytes(r.stringValue("process_list")), QByteArray("-h"));
}

void TestOptparse::helpNarrowTerminal()
{
    // COLUMNS=50 python3 scheduler.py -h (textwrap breaks "comma-separated" after the hyphen).
    const QByteArray expected = "Usage: scheduler.py [options]\n"
                                "\n"
                                "Options:\n"
                                "  -h, --help            show this help message\n"
                                "                        and exit\n"
                                "  -s SEED, --seed=SEED  the random seed\n"
                                "  -j JOBS, --jobs=JOBS  number of jobs in the\n"
                                "                        system\n"
                                "  -l JLIST, --jlist=JLIST\n"
                                "                        instead of random jobs,\n"
                                "                        provide a comma-\n"
                                "                        separated list of run\n"
                                "                        times\n"
                                "  -m MAXLEN, --maxlen=MAXLEN\n"
                                "                        max length of job\n"
                                "  -p POLICY, --policy=POLICY\n"
                                "                        sched policy to use:\n"
                                "                        SJF, FIFO, RR\n"
                                "  -q QUANTUM, --quantum=QUANTUM\n"
                                "                        length of time slice for\n"
                                "                        RR policy\n"
                                "  -c                    compute answers for me\n";
    QCOMPARE(bytes(schedulerParser(50).formatHelp()), expected);
    const auto parsed = parseScheduler(argv({"--help"}), 50);
    QVERIFY(!parsed);
    QCOMPARE(bytes(parsed.stop.out), expected);
}

void TestOptparse::typedProcessRun()
{
    const auto defaults = parseProcessRun({});
    QVERIFY(defaults);
    QCOMPARE(defaults.options->seed, std::int64_t{0});
    QCOMPARE(defaults.options->ioLength, std::int64_t{5});
    QCOMPARE(bytes(defaults.options->switchBehavior), QByteArray("SWITCH_ON_IO"));
    QCOMPARE(bytes(defaults.options->ioDoneBehavior), QByteArray("IO_RUN_LATER"));
    QVERIFY(!defaults.options->solve);
    QVERIFY(!defaults.options->printStats);

    const auto p = parseProcessRun(argv({"-s", "-3", "-P", "c7,i", "-l", "5:50", "-L", "0x10", "-S",
        "SWITCH_ON_END", "-I", "IO_RUN_IMMEDIATE", "-cp"}));
    QVERIFY(p);
    QCOMPARE(p.options->seed, std::int64_t{-3});
    QCOMPARE(bytes(p.options->seedExact.str()), QByteArray("-3"));
    QCOMPARE(bytes(p.options->program), QByteArray("c7,i"));
    QCOMPARE(bytes(p.options->processList), QByteArray("5:50"));
    QCOMPARE(p.options->ioLength, std::int64_t{16});
    QCOMPARE(bytes(p.options->switchBehavior), QByteArray("SWITCH_ON_END"));
    QCOMPARE(bytes(p.options->ioDoneBehavior), QByteArray("IO_RUN_IMMEDIATE"));
    QVERIFY(p.options->solve);
    QVERIFY(p.options->printStats);

    const auto bad = parseProcessRun(argv({"-L"}));
    QVERIFY(!bad);
    QCOMPARE(bad.stop.exitCode, 2);
    QCOMPARE(bytes(bad.stop.err), usageError("process-run.py", "-L option requires 1 argument"));
}

void TestOptparse::typedOtherScripts()
{
    const auto s = parseScheduler(argv({"-pRR", "-q", "0b11", "-j", "010", "-m", "20", "-l", "1,2.5", "-c"}));
    QVERIFY(s);
    QCOMPARE(bytes(s.options->policy), QByteArray("RR"));
    QCOMPARE(s.options->quantum, std::int64_t{3});
    QCOMPARE(s.options->jobs, std::int64_t{8});
    QCOMPARE(s.options->maxlen, std::int64_t{20});
    QCOMPARE(bytes(s.options->jlist), QByteArray("1,2.5"));
    QVERIFY(s.options->solve);

    const auto m = parseMlfq(argv({"-n", "4", "-q", "5", "-a", "2", "-Q", "10,20", "-A", "1,2", "-j", "2",
        "-m", "50", "-M", "4", "-B", "100", "-i", "3", "-SI", "-l", "0,10,0", "-c", "-s", "9"}));
    QVERIFY(m);
    const MlfqOptions& o = *m.options;
    QCOMPARE(o.numQueues, std::int64_t{4});
    QCOMPARE(o.quantum, std::int64_t{5});
    QCOMPARE(o.allotment, std::int64_t{2});
    QCOMPARE(bytes(o.quantumList), QByteArray("10,20"));
    QCOMPARE(bytes(o.allotmentList), QByteArray("1,2"));
    QCOMPARE(o.numJobs, std::int64_t{2});
    QCOMPARE(o.maxlen, std::int64_t{50});
    QCOMPARE(o.maxio, std::int64_t{4});
    QCOMPARE(o.boost, std::int64_t{100});
    QCOMPARE(o.ioTime, std::int64_t{3});
    QVERIFY(o.stay && o.iobump && o.solve);
    QCOMPARE(bytes(o.jlist), QByteArray("0,10,0"));
    QCOMPARE(o.seed, std::int64_t{9});
    const auto mDefaults = parseMlfq({});
    QVERIFY(mDefaults);
    QCOMPARE(mDefaults.options->allotment, std::int64_t{1}); // default since 2023-09-27
    QCOMPARE(mDefaults.options->maxlen, std::int64_t{100});

    const auto l = parseLottery(argv({"--compute", "-T", "50", "--jl=10:100,20:50", "-q", "2"}));
    QVERIFY(l);
    QCOMPARE(l.options->maxticket, std::int64_t{50});
    QCOMPARE(bytes(l.options->jlist), QByteArray("10:100,20:50"));
    QCOMPARE(l.options->quantum, std::int64_t{2});
    QCOMPARE(l.options->jobs, std::int64_t{3});
    QCOMPARE(l.options->maxlen, std::int64_t{10});
    QVERIFY(l.options->solve);
}

void TestOptparse::bigSeedAndOutOfRange()
{
    // Python accepts any int as seed; the exact value is kept for seeding and printing.
    const auto big = parseScheduler(argv({"-s", "123456789012345678901234567890"}));
    QVERIFY(big);
    QCOMPARE(bytes(big.options->seedExact.str()), QByteArray("123456789012345678901234567890"));
    QCOMPARE(big.options->seed, std::numeric_limits<std::int64_t>::max());
    const auto hexSeed = parseLottery(argv({"--seed=0x10"}));
    QVERIFY(hexSeed);
    QCOMPARE(hexSeed.options->seed, std::int64_t{16});

    // Other ints must fit in int64 (a deliberate ProcScope limit).
    const auto huge = parseProcessRun(argv({"-L", "99999999999999999999"}));
    QVERIFY(!huge);
    QCOMPARE(huge.stop.exitCode, 2);
    QCOMPARE(bytes(huge.stop.err),
        usageError(
            "process-run.py", "option -L: value out of the supported 64-bit range: 99999999999999999999"));
}

void TestOptparse::pyIntParsing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qlonglong>("value");
    QTest::newRow("plain") << QByteArray("42") << true << 42LL;
    QTest::newRow("spaces and sign") << QByteArray("  -17\n") << true << -17LL;
    QTest::newRow("plus") << QByteArray("+3") << true << 3LL;
    QTest::newRow("leading zeros") << QByteArray("007") << true << 7LL; // base 10 explicitly: allowed
    QTest::newRow("underscores") << QByteArray("1_000_000") << true << 1000000LL;
    QTest::newRow("nbsp") << QByteArray("\xc2\xa0"
                                        "5")
                          << true << 5LL;
    QTest::newRow("em space") << QByteArray("5\xe2\x80\x83") << true << 5LL;
    QTest::newRow("U+001C is not a space") << QByteArray("\x1c"
                                                         "5")
                                           << false << 0LL;
    QTest::newRow("double underscore") << QByteArray("1__0") << false << 0LL;
    QTest::newRow("float text") << QByteArray("2.5") << false << 0LL;
    QTest::newRow("empty") << QByteArray("") << false << 0LL;
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true
                               << std::numeric_limits<qlonglong>::min();
    QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << 0LL;
}

void TestOptparse::pyIntParsing()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qlonglong, value);
    const auto v = pyInt(text.toStdString());
    QCOMPARE(v.has_value(), valid);
    if (v)
        QCOMPARE(static_cast<qlonglong>(*v), value);
}

void TestOptparse::pyFloatParsing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("repr"); // Python repr(float(text)); empty: ValueError
    QTest::newRow("integer") << QByteArray("100") << QByteArray("100.0");
    QTest::newRow("percent 33.3") << QByteArray("33.3") << QByteArray("33.3");
    QTest::newRow("spaces") << QByteArray("  3.5  ") << QByteArray("3.5");
    QTest::newRow("underscores") << QByteArray("1_0.5") << QByteArray("10.5");
    QTest::newRow("1._5") << QByteArray("1._5") << QByteArray();
    QTest::newRow("1_e5") << QByteArray("1_e5") << QByteArray();
    QTest::newRow("trailing _") << QByteArray("1.0_") << QByteArray();
    QTest::newRow(".5") << QByteArray(".5") << QByteArray("0.5");
    QTest::newRow("5.") << QByteArray("5.") << QByteArray("5.0");
    QTest::newRow("exponent") << QByteArray("1E+05") << QByteArray("100000.0");
    QTest::newRow("1e16") << QByteArray("1e16") << QByteArray("1e+16");
    QTest::newRow("dangling e") << QByteArray("1e") << QByteArray();
    QTest::newRow("lone dot") << QByteArray(".") << QByteArray();
    QTest::newRow("hex is not float") << QByteArray("0x10") << QByteArray();
    QTest::newRow("inf") << QByteArray("inf") << QByteArray("inf");
    QTest::newRow("-Infinity") << QByteArray("-Infinity") << QByteArray("-inf");
    QTest::newRow("nAn") << QByteArray("+nAn") << QByteArray("nan");
    QTest::newRow("infinit") << QByteArray("infinit") << QByteArray();
    QTest::newRow("overflow") << QByteArray("1e400") << QByteArray("inf");
    QTest::newRow("negative overflow") << QByteArray("-1e400") << QByteArray("-inf");
    QTest::newRow("underflow") << QByteArray("1e-400") << QByteArray("0.0");
    QTest::newRow("negative underflow") << QByteArray("-1e-400") << QByteArray("-0.0");
    QTest::newRow("negative zero") << QByteArray("-0") << QByteArray("-0.0");
    QTest::newRow("empty") << QByteArray("") << QByteArray();
    QTest::newRow("two numbers") << QByteArray("1 2") << QByteArray();
}

void TestOptparse::pyFloatParsing()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, repr);
    const auto v = pyFloat(text.toStdString());
    QCOMPARE(v.has_value(), !repr.isEmpty());
    if (v)
        QCOMPARE(bytes(pyFloatRepr(*v)), repr);
}

QTEST_MAIN(TestOptparse)
#include "tst_optparse.moc"
