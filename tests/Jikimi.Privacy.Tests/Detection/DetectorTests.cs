using static Jikimi.Privacy.Tests.Detection.DetectionHelper;

namespace Jikimi.Privacy.Tests.Detection;

public class DetectorTests
{
    [Theory]
    // RRN: checksum valid + hyphen = high; post-October-2020 random digits (checksum fails) = medium, never dropped
    [InlineData("고객 960121-1021413 님", PiiType.KrRrn, Confidence.High, "960121-1021413")]
    [InlineData("id 050912-2000019.", PiiType.KrRrn, Confidence.High, "050912-2000019")]
    [InlineData("값 960121-1234567 끝", PiiType.KrRrn, Confidence.Medium, "960121-1234567")]
    [InlineData("주민등록번호: 960121-1234567", PiiType.KrRrn, Confidence.High, "960121-1234567")]
    [InlineData("x 9601211021413 y", PiiType.KrRrn, Confidence.Medium, "9601211021413")]
    [InlineData("x 9601211234567 y", PiiType.KrRrn, Confidence.Low, "9601211234567")]
    [InlineData("주민번호 9601211234567", PiiType.KrRrn, Confidence.Medium, "9601211234567")]
    [InlineData("210315-4000000 신생아", PiiType.KrRrn, Confidence.High, "210315-4000000")] // born after 2020-10: no check digit to fail
    [InlineData("id 201215-4000128", PiiType.KrRrn, Confidence.High, "201215-4000128")]
    [InlineData("x 2012154000128 y", PiiType.KrRrn, Confidence.Medium, "2012154000128")]
    [InlineData("960121 1021413", PiiType.KrRrn, Confidence.Medium, "960121 1021413")]
    // FRN
    [InlineData("911124-5678906", PiiType.KrFrn, Confidence.High, "911124-5678906")]
    [InlineData("외국인등록번호 911124-5678901", PiiType.KrFrn, Confidence.High, "911124-5678901")]
    [InlineData("no 911124-5678901", PiiType.KrFrn, Confidence.Medium, "911124-5678901")]
    // Passport
    [InlineData("여권번호 M123A4567", PiiType.KrPassport, Confidence.High, "M123A4567")]
    [InlineData("passport: M12345678", PiiType.KrPassport, Confidence.Medium, "M12345678")]
    [InlineData("SKU S12345678", PiiType.KrPassport, Confidence.Low, "S12345678")]
    [InlineData("여권번호 m123a4567", PiiType.KrPassport, Confidence.High, "m123a4567")] // typed in lower case
    [InlineData("passport: s12345678", PiiType.KrPassport, Confidence.Medium, "s12345678")]
    [InlineData("여권 d987k6543 입니다", PiiType.KrPassport, Confidence.High, "d987k6543")]
    // 법인등록번호: its own type and check digit (weights 1,2,1,2,…); next to the word it is never a resident number
    [InlineData("법인등록번호 110111-0123458", PiiType.KrCrn, Confidence.High, "110111-0123458")]
    [InlineData("법인등록번호: 110111-2345670", PiiType.KrCrn, Confidence.High, "110111-2345670")]
    [InlineData("법인등록번호 110111-2345671", PiiType.KrCrn, Confidence.Low, "110111-2345671")] // a typo: still not a person's
    [InlineData("법인번호 1348110007775", PiiType.KrCrn, Confidence.Medium, "1348110007775")]
    [InlineData("corporate registration no. 284611-0567897", PiiType.KrCrn, Confidence.High, "284611-0567897")]
    [InlineData("값 110111-2345670", PiiType.KrCrn, Confidence.Low, "110111-2345670")] // the old check digit fails, the corporate one holds
    // Driver's licence
    [InlineData("11-22-123456-78", PiiType.KrDriverLicense, Confidence.Medium, "11-22-123456-78")]
    [InlineData("운전면허 28-05-654321-01", PiiType.KrDriverLicense, Confidence.High, "28-05-654321-01")]
    [InlineData("면허번호 112212345678", PiiType.KrDriverLicense, Confidence.Medium, "112212345678")]
    [InlineData("서울 12-345678-90", PiiType.KrDriverLicense, Confidence.Medium, "12-345678-90")]
    // BRN
    [InlineData("104-86-56659", PiiType.KrBrn, Confidence.Medium, "104-86-56659")]
    [InlineData("사업자등록번호 104-82-13138", PiiType.KrBrn, Confidence.High, "104-82-13138")]
    [InlineData("사업자 1048656659", PiiType.KrBrn, Confidence.Medium, "1048656659")]
    [InlineData("사업자등록번호 220 - 81 - 12341", PiiType.KrBrn, Confidence.High, "220 - 81 - 12341")] // spaces around the hyphens
    [InlineData("314 - 86 - 00349 (주)", PiiType.KrBrn, Confidence.Medium, "314 - 86 - 00349")]
    // Card
    [InlineData("4111-1111-1111-1111", PiiType.Card, Confidence.High, "4111-1111-1111-1111")]
    [InlineData("4111 1111 1111 1111", PiiType.Card, Confidence.High, "4111 1111 1111 1111")]
    [InlineData("pan=4111111111111111;", PiiType.Card, Confidence.Medium, "4111111111111111")]
    [InlineData("카드번호 4111111111111111", PiiType.Card, Confidence.High, "4111111111111111")]
    [InlineData("amex 3782-822463-10005", PiiType.Card, Confidence.High, "3782-822463-10005")]
    // Bank account: only with context
    [InlineData("신한은행 110-123-456789", PiiType.BankAccount, Confidence.High, "110-123-456789")]
    [InlineData("입금계좌 123456789012", PiiType.BankAccount, Confidence.Medium, "123456789012")]
    [InlineData("account no. 1002-345-678901", PiiType.BankAccount, Confidence.High, "1002-345-678901")]
    // Phones
    [InlineData("010-1234-5678", PiiType.Phone, Confidence.High, "010-1234-5678")]
    [InlineData("010.1234.5678", PiiType.Phone, Confidence.High, "010.1234.5678")]
    [InlineData("01012345678", PiiType.Phone, Confidence.Medium, "01012345678")]
    [InlineData("연락처 01012345678", PiiType.Phone, Confidence.High, "01012345678")]
    [InlineData("02-123-4567", PiiType.Phone, Confidence.Medium, "02-123-4567")]
    [InlineData("전화 031-123-4567", PiiType.Phone, Confidence.High, "031-123-4567")]
    [InlineData("011-234-5678", PiiType.Phone, Confidence.Medium, "011-234-5678")]
    [InlineData("0505-123-4567", PiiType.Phone, Confidence.Medium, "0505-123-4567")]
    [InlineData("+82 10-1234-5678", PiiType.Phone, Confidence.High, "+82 10-1234-5678")]
    [InlineData("+82-2-123-4567", PiiType.Phone, Confidence.High, "+82-2-123-4567")]
    [InlineData("+821012345678", PiiType.Phone, Confidence.High, "+821012345678")]
    // E-mail
    [InlineData("메일 hong.gildong@example.co.kr 로", PiiType.Email, Confidence.High, "hong.gildong@example.co.kr")]
    [InlineData("<a href=mailto:kim_01@naver.com>", PiiType.Email, Confidence.High, "kim_01@naver.com")]
    [InlineData("01012345678@naver.com", PiiType.Email, Confidence.High, "01012345678@naver.com")]
    public void Finds_each_identifier_with_its_confidence(string text, PiiType type, Confidence confidence, string value)
    {
        var hits = Detect(text);
        var hit = Assert.Single(hits);
        Assert.Equal((type, confidence, value), (hit.Type, hit.Confidence, hit.Value));
    }

    [Theory]
    [InlineData("2023-11-05 12:34:56")] // timestamp
    [InlineData("2023.11.05")]
    [InlineData("1712150000000")] // epoch milliseconds whose "G digit" says 1800s: nobody alive
    [InlineData("001332-1234567")] // invalid month
    [InlineData("960121+1021413")] // not a separator
    [InlineData("12960121-1021413")] // inside a longer run
    [InlineData("960121-10214139")]
    [InlineData("2024-960121-1021413")]
    [InlineData("ORD-960121-1021413")]
    [InlineData("ID9601211021413")]
    [InlineData("3.14159601211021413")]
    [InlineData("4111111111111112")] // Luhn fails
    [InlineData("104-86-56658")] // BRN checksum fails
    [InlineData("123-45-67890")]
    [InlineData("110-123-456789")] // account shape without a context word
    [InlineData("1588-1234")] // business representative number
    [InlineData("010-123-4567")] // 010 has a 4-digit middle group
    [InlineData("icon@2x.png")]
    [InlineData("user@localhost")]
    [InlineData("@mention")]
    [InlineData("M1234567")] // passport needs 8 digits
    [InlineData("AM12345678")] // glued to a word
    [InlineData("am12345678")]
    [InlineData("m1234567")]
    [InlineData("sum12345678")]
    [InlineData("pages 12 - 34 - 56")]
    [InlineData("x 1101110123458 y")] // a corporate number without hyphen or word: too weak to say
    [InlineData("99-22-123456-78")] // not a region code
    [InlineData("v1.2.3-beta.4")]
    public void Look_alikes_are_not_reported_at_all(string text) => Assert.Empty(Detect(text));

    [Theory]
    [InlineData("x 9601211234567 y")] // 13 digits, date-shaped, checksum fails, no context: low
    [InlineData("ts=1701234567890")] // epoch milliseconds that read as 2017-01-23, G 4
    [InlineData("SKU S12345678")]
    [InlineData("코드 112212345678")]
    [InlineData("n 1048656659")]
    [InlineData("n 0311234567")]
    public void Weak_candidates_are_hidden_at_the_default_level(string text)
    {
        Assert.NotEmpty(Detect(text, Confidence.Low));
        Assert.Empty(Detect(text, Confidence.Medium));
    }

    [Fact]
    public void Several_findings_in_one_line_come_in_order()
    {
        var hits = Detect("홍길동, 960121-1021413, 010-1234-5678, hong@example.com, 4111 1111 1111 1111", Confidence.Medium);
        Assert.Equal([PiiType.KrRrn, PiiType.Phone, PiiType.Email, PiiType.Card], hits.Select(h => h.Type));
        Assert.True(hits.Select(h => h.Start).SequenceEqual(hits.Select(h => h.Start).Order()));
    }

    [Fact]
    public void Csv_cells_are_separate_tokens()
    {
        var hits = Detect("960121-1021413,01012345678,1048656659\n", Confidence.Low);
        Assert.Equal([PiiType.KrRrn, PiiType.Phone, PiiType.KrBrn], hits.Select(h => h.Type));
    }

    [Fact]
    public void Space_separated_numbers_are_split_where_no_shape_fits()
    {
        var hits = Detect("count 13 9601211021413 5", Confidence.Medium);
        Assert.Equal("9601211021413", Assert.Single(hits).Value);
    }

    [Fact]
    public void Types_can_be_switched_off()
    {
        var d = new Jikimi.Privacy.Detection.PiiDetector(new() { Types = new HashSet<PiiType> { PiiType.Email } });
        var c = new Collector(System.Text.Encoding.UTF8.GetBytes("960121-1021413 a@b.com"));
        d.ScanAll(System.Text.Encoding.UTF8.GetBytes("960121-1021413 a@b.com"), c);
        Assert.Equal(PiiType.Email, Assert.Single(c.Hits).Type);
    }
}
