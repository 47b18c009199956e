// readTextFile(): the one way every loader reads a file. Bad paths are errors naming the file,
// never exceptions; a big file is read in chunks with progress, and a cancel stops the read.
#include "core/io/json_error.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace procscope;

class TestTextFile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string write(const std::string& name, const std::string& content)
    {
        const std::string path = m_dir.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    static std::string bigText()
    {
        std::string text(20 * 1024 * 1024 + 123, 'x');
        for (std::size_t i = 0; i < text.size(); i += 1000)
            text[i] = static_cast<char>('a' + (i / 1000) % 26);
        return text;
    }

private Q_SLOTS:
    void badPathsAreErrors()
    {
        std::string text;
        const std::string missing = m_dir.filePath(QStringLiteral("missing.json")).toStdString();
        auto error = readTextFile(missing, text);
        QVERIFY(error);
        QVERIFY(error->toString().find("missing.json") != std::string::npos);
        QVERIFY(error->message.find("cannot open") != std::string::npos);
        error = readTextFile(m_dir.path().toStdString(), text);
        QVERIFY(error);
        QVERIFY(error->message.find("directory") != std::string::npos);
        error = readTextFile(write("big.json", std::string(2000, ' ')), text, 1000);
        QVERIFY(error);
        QVERIFY(error->message.find("too large") != std::string::npos);
        QVERIFY(!error->cancelled);
    }

    void readsInChunksWithProgress()
    {
        const std::string content = bigText();
        const std::string path = write("chunks.txt", content);
        std::vector<std::pair<std::uint64_t, std::uint64_t>> reports;
        std::string text;
        const auto error =
            readTextFile(path, text, content.size() + 1, [&](std::uint64_t done, std::uint64_t total) {
                reports.emplace_back(done, total);
                return true;
            });
        QVERIFY(!error);
        QVERIFY(text == content);
        QCOMPARE(reports.size(), std::size_t(3)); // 8 + 8 + 4 MiB
        for (std::size_t i = 1; i < reports.size(); ++i)
            QVERIFY(reports[i].first > reports[i - 1].first);
        QCOMPARE(reports.back().first, std::uint64_t(content.size()));
        QCOMPARE(reports.back().second, std::uint64_t(content.size()));
    }

    void cancelStopsTheRead()
    {
        const std::string content = bigText();
        const std::string path = write("cancel.txt", content);
        std::string text = "previous";
        int calls = 0;
        const auto error = readTextFile(path, text, content.size() + 1, [&](std::uint64_t, std::uint64_t) {
            ++calls;
            return false;
        });
        QVERIFY(error);
        QVERIFY(error->cancelled);
        QCOMPARE(calls, 1);                      // stopped after the first chunk
        QCOMPARE(text, std::string("previous")); // nothing half-read is handed out
    }
};

QTEST_APPLESS_MAIN(TestTextFile)
#include "tst_text_file.moc"
