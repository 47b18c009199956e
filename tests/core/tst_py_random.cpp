// CPython's random module and float formatting as reproduced by core/ostep: every expected value below
// was printed by CPython 3.11.7 (random.Random(seed), repr(), "%.2f" %).
#include "core/ostep/py_format.h"
#include "core/ostep/py_int.h"
#include "core/ostep/py_random.h"

#include <QTest>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using procscope::ostep::pyFloatRepr;
using procscope::ostep::PyInt;
using procscope::ostep::pyPercentF;
using procscope::ostep::PyRandom;

namespace {

PyRandom seeded(const QByteArray& decimalSeed)
{
    const auto seed = PyInt::parse(decimalSeed.toStdString());
    if (!seed)
        qFatal("bad seed in test data");
    return PyRandom(*seed);
}

QByteArray bytes(const std::string& s)
{
    return QByteArray::fromStdString(s);
}

} // namespace

class TestPyRandom : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void uint32Stream_data();
    void uint32Stream();
    void randomStream_data();
    void randomStream();
    void negativeSeedIsAbsoluteValue();
    void int64SeedMatchesPyIntSeed();
    void refillBoundary();
    void getrandbits();
    void getrandbitsWide();
    void randbelowAndRandint();
    void shuffleChoiceRandrange();
    void copyIsSnapshot();
    void emptyRangesThrow();
    void floatRepr_data();
    void floatRepr();
    void percentF_data();
    void percentF();
    void percentPadding();
};

void TestPyRandom::uint32Stream_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QList<uint>>("expected");
    // Spec ostep-process-run.md §7.3 (seeds 0 and 1), the rest generated with python3.
    QTest::newRow("0") << QByteArray("0") << QList<uint>{3626764237u, 1654615998u, 3255389356u, 3823568514u};
    QTest::newRow("1") << QByteArray("1") << QList<uint>{577090037u, 2444712010u, 3639700191u, 3445702192u};
    QTest::newRow("5") << QByteArray("5") << QList<uint>{2675342405u, 1097127993u, 3185950873u, 1539898300u};
    QTest::newRow("-3") << QByteArray("-3") << QList<uint>{1022050301u, 2545373330u, 2337446730u, 560161641u};
    QTest::newRow("2**32") << QByteArray("4294967296")
                           << QList<uint>{485306839u, 1508871100u, 1794561286u, 4014597330u};
    QTest::newRow("123456789012") << QByteArray("123456789012")
                                  << QList<uint>{1619264890u, 2798649831u, 88888752u, 1131458016u};
    QTest::newRow("2**64+5") << QByteArray("18446744073709551621")
                             << QList<uint>{2192917427u, 3085273184u, 3778534651u, 2436623347u};
    QTest::newRow("-2**63") << QByteArray("-9223372036854775808")
                            << QList<uint>{2377109768u, 1691753470u, 4039908392u, 899083848u};
}

void TestPyRandom::uint32Stream()
{
    QFETCH(QByteArray, seed);
    QFETCH(QList<uint>, expected);
    PyRandom rng = seeded(seed);
    for (const uint want : expected)
        QCOMPARE(rng.genrandUint32(), want);
}

void TestPyRandom::randomStream_data()
{
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::newRow("0") << QByteArray("0")
                       << QByteArrayList{"0.8444218515250481", "0.7579544029403025", "0.420571580830845"};
    QTest::newRow("1") << QByteArray("1")
                       << QByteArrayList{"0.13436424411240122", "0.8474337369372327", "0.763774618976614"};
    QTest::newRow("5") << QByteArray("5")
                       << QByteArrayList{"0.6229016948897019", "0.7417869892607294", "0.7951935655656966"};
    QTest::newRow("-3") << QByteArray("-3")
                        << QByteArrayList{"0.23796462709189137", "0.5442292252959519", "0.36995516654807925"};
    QTest::newRow("2**32") << QByteArray("4294967296")
                           << QByteArrayList{
                                  "0.11299430095636409", "0.41782886486292836", "0.0166763664992291"};
    QTest::newRow("123456789012") << QByteArray("123456789012")
                                  << QByteArrayList{
                                         "0.37701448538609916", "0.02069602357922562", "0.14040538980009454"};
    QTest::newRow("2**64+5") << QByteArray("18446744073709551621")
                             << QByteArrayList{
                                    "0.5105783769365112", "0.8797586528012199", "0.5149365298491138"};
}

void TestPyRandom::randomStream()
{
    QFETCH(QByteArray, seed);
    QFETCH(QByteArrayList, expected);
    PyRandom rng = seeded(seed);
    // repr() is exact (shortest round trip), so comparing text compares the doubles bit for bit.
    for (const QByteArray& want : expected)
        QCOMPARE(bytes(pyFloatRepr(rng.random())), want);
}

void TestPyRandom::negativeSeedIsAbsoluteValue()
{
    PyRandom a(-3);
    PyRandom b(3);
    QVERIFY(a == b);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(a.genrandUint32(), b.genrandUint32());
}

void TestPyRandom::int64SeedMatchesPyIntSeed()
{
    for (const std::int64_t seed :
        {std::int64_t{0}, std::int64_t{7}, std::int64_t{4294967295}, std::int64_t{4294967296},
            std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
        PyRandom a(seed);
        PyRandom b{PyInt(seed)};
        QVERIFY(a == b);
    }
    PyRandom fresh;
    QVERIFY(fresh == PyRandom(0));
}

void TestPyRandom::refillBoundary()
{
    // 311 random() calls use 622 of the 624 words; the next draws cross into a regenerated block.
    PyRandom rng(7);
    for (int i = 0; i < 311; ++i)
        rng.random();
    for (const uint want : {3575322645u, 960836459u, 693491440u, 3033636545u})
        QCOMPARE(rng.genrandUint32(), want);
    QCOMPARE(bytes(pyFloatRepr(rng.random())), QByteArray("0.4315218179976389"));
}

void TestPyRandom::getrandbits()
{
    PyRandom rng(42);
    for (const std::uint64_t want : {123005401501ull, 811856239313ull, 267469214295ull, 151282538206ull})
        QCOMPARE(rng.getrandbits(40), want);
    QCOMPARE(rng.getrandbits(64), std::uint64_t{1890702223848595625});
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rng.getrandbits(1), std::uint64_t{1});
    const PyRandom before = rng;
    QCOMPARE(rng.getrandbits(0), std::uint64_t{0});
    QVERIFY(rng == before); // k = 0 draws nothing
}

void TestPyRandom::getrandbitsWide()
{
    // random.Random(42).getrandbits(100) == 873491343714207852616756591005, in 32-bit words LSW first.
    PyRandom rng(42);
    const std::vector<std::uint32_t> words = rng.getrandbitsWords(100);
    const std::vector<std::uint32_t> expected{2746317213u, 478163327u, 107420369u, 11u};
    QCOMPARE(words, expected);
}

void TestPyRandom::randbelowAndRandint()
{
    PyRandom rng(2024);
    for (const std::int64_t want : {4, 2, 6, 5, 3, 2, 6, 4, 6, 3})
        QCOMPARE(rng.randint(1, 6), want);
    for (const std::int64_t want : {-460839095296LL, 789438629288LL, 98374502230LL})
        QCOMPARE(rng.randint(-1000000000000LL, 1000000000000LL), want);

    PyRandom r9(9);
    for (const std::uint64_t want : {1603362544ull, 595022250ull, 27638352ull})
        QCOMPARE(r9.randbelow(4294967296ull), want); // a power of two still takes n.bit_length() = 33 bits
    QCOMPARE(r9.randbelow(1), std::uint64_t{0});
    QCOMPARE(r9.randbelow(1), std::uint64_t{0});
    QCOMPARE(r9.randbelow(18446744073709551615ull), std::uint64_t{10224485376903518434ull});
}

void TestPyRandom::shuffleChoiceRandrange()
{
    PyRandom rng(2024);
    std::vector<int> ten{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    rng.shuffle(ten);
    QCOMPARE(ten, (std::vector<int>{6, 0, 9, 8, 3, 5, 1, 4, 2, 7}));

    std::vector<int> deck(52);
    for (int i = 0; i < 52; ++i)
        deck[static_cast<std::size_t>(i)] = i;
    rng.shuffle(deck);
    const std::vector<int> expectedDeck{7, 1, 8, 5, 24, 2, 49, 28, 15, 0, 30, 16, 43, 27, 36, 18, 17, 37, 41,
        6, 11, 25, 12, 10, 45, 51, 23, 32, 14, 35, 20, 48, 3, 50, 38, 42, 9, 29, 44, 4, 46, 21, 34, 19, 13,
        39, 33, 26, 22, 31, 47, 40};
    QCOMPARE(deck, expectedDeck);

    const std::string letters = "abcdefg";
    std::string picked;
    for (int i = 0; i < 8; ++i)
        picked += rng.choice(letters);
    QCOMPARE(bytes(picked), QByteArray("eacgfegb"));

    for (const std::int64_t want : {341, 575, 474, 239})
        QCOMPARE(rng.randrange(100, 1000), want);
    QCOMPARE(bytes(pyFloatRepr(rng.uniform(2.5, 10.0))), QByteArray("4.023192880793241"));
}

void TestPyRandom::copyIsSnapshot()
{
    PyRandom rng(1);
    for (int i = 0; i < 700; ++i)
        rng.random();
    PyRandom snapshot = rng;
    std::vector<std::uint32_t> first;
    for (int i = 0; i < 1000; ++i)
        first.push_back(rng.genrandUint32());
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(snapshot.genrandUint32(), first[static_cast<std::size_t>(i)]);
    QVERIFY(snapshot == rng);
}

void TestPyRandom::emptyRangesThrow()
{
    PyRandom rng;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.randint(5, 4));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.randrange(3, 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.randbelow(0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, rng.choiceIndex(0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.getrandbits(65));
}

void TestPyRandom::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("zero") << 0.0 << QByteArray("0.0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("-0.0");
    QTest::newRow("integral") << 9.0 << QByteArray("9.0");
    QTest::newRow("2.5") << 2.5 << QByteArray("2.5");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("1/3") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
    QTest::newRow("1e16 uses exponent") << 1e16 << QByteArray("1e+16");
    QTest::newRow("just below 1e16") << 9999999999999998.0 << QByteArray("9999999999999998.0");
    QTest::newRow("1e15+0.5") << 1e15 + 0.5 << QByteArray("1000000000000000.5");
    QTest::newRow("1e-4 fixed") << 1e-4 << QByteArray("0.0001");
    QTest::newRow("1e-5 exponent") << 1e-5 << QByteArray("1e-05");
    QTest::newRow("0.00012345") << 0.00012345 << QByteArray("0.00012345");
    QTest::newRow("-1.5e-7") << -1.5e-7 << QByteArray("-1.5e-07");
    QTest::newRow("1e22") << 1e22 << QByteArray("1e+22");
    QTest::newRow("1e300") << 1e300 << QByteArray("1e+300");
    QTest::newRow("denormal min") << 5e-324 << QByteArray("5e-324");
    QTest::newRow("inf") << inf << QByteArray("inf");
    QTest::newRow("-inf") << -inf << QByteArray("-inf");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("nan");
}

void TestPyRandom::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(pyFloatRepr(value)), expected);
}

void TestPyRandom::percentF_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("twoDigits");
    QTest::addColumn<QByteArray>("noDigits");
    // Exact halves round to even; 2.675 is really 2.67499999... and 0.005 really 0.005000000000000000104.
    QTest::newRow("12.125") << 12.125 << QByteArray("12.12") << QByteArray("12");
    QTest::newRow("1.125") << 1.125 << QByteArray("1.12") << QByteArray("1");
    QTest::newRow("0.125") << 0.125 << QByteArray("0.12") << QByteArray("0");
    QTest::newRow("2.675") << 2.675 << QByteArray("2.67") << QByteArray("3");
    QTest::newRow("0.005") << 0.005 << QByteArray("0.01") << QByteArray("0");
    QTest::newRow("1.005") << 1.005 << QByteArray("1.00") << QByteArray("1");
    QTest::newRow("200/3") << 100.0 * 2 / 3 << QByteArray("66.67") << QByteArray("67");
    QTest::newRow("0.5") << 0.5 << QByteArray("0.50") << QByteArray("0");
    QTest::newRow("1.5") << 1.5 << QByteArray("1.50") << QByteArray("2");
    QTest::newRow("2.5") << 2.5 << QByteArray("2.50") << QByteArray("2");
    QTest::newRow("-0.001") << -0.001 << QByteArray("-0.00") << QByteArray("-0");
    QTest::newRow("-0.0") << -0.0 << QByteArray("-0.00") << QByteArray("-0");
    QTest::newRow("1e20") << 1e20 << QByteArray("100000000000000000000.00")
                          << QByteArray("100000000000000000000");
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("inf") << QByteArray("inf");
    QTest::newRow("-nan") << -std::numeric_limits<double>::quiet_NaN() << QByteArray("nan")
                          << QByteArray("nan");
}

void TestPyRandom::percentF()
{
    QFETCH(double, value);
    QFETCH(QByteArray, twoDigits);
    QFETCH(QByteArray, noDigits);
    QCOMPARE(bytes(pyPercentF(value, 2)), twoDigits);
    QCOMPARE(bytes(pyPercentF(value, 0)), noDigits);
}

void TestPyRandom::percentPadding()
{
    using procscope::ostep::pyPercentD;
    using procscope::ostep::pyPercentS;
    QCOMPARE(bytes(pyPercentF(1.5, 8, 2)), QByteArray("    1.50"));
    QCOMPARE(bytes(pyPercentF(1.5, -8, 2)), QByteArray("1.50    "));
    QCOMPARE(bytes(pyPercentF(1234.5, 3, 2)), QByteArray("1234.50")); // "%3.2f" is only a minimum
    QCOMPARE(bytes(pyPercentD(7, 3)), QByteArray("  7"));
    QCOMPARE(bytes(pyPercentD(-7, -4)), QByteArray("-7  "));
    QCOMPARE(bytes(pyPercentD(1000, 3)), QByteArray("1000"));
    QCOMPARE(bytes(pyPercentS("RUN:io", 14)), QByteArray("        RUN:io"));
    QCOMPARE(bytes(pyPercentS(" ", 10)), QByteArray("          "));
    QCOMPARE(bytes(std::string(procscope::ostep::pyBool(false))), QByteArray("False"));
}

QTEST_MAIN(TestPyRandom)
#include "tst_py_random.moc"
