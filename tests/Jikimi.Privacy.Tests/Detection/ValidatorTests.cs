using System.Text;
using Jikimi.Privacy.Detection;

namespace Jikimi.Privacy.Tests.Detection;

public class ValidatorTests
{
    private static byte[] D(string s) => Encoding.ASCII.GetBytes(new string(s.Where(char.IsAsciiDigit).ToArray()));

    // Test vectors: our own, in the shapes of the team reference korean_pii_identifier_specs.json (not in this repository)
    [Theory]
    [InlineData("960121-1021413", true)]
    [InlineData("050912-2000019", true)]
    [InlineData("960121-1234567", false)]
    [InlineData("000505-3637892", false)]
    public void Rrn_checksum_matches_the_spec_vectors(string rrn, bool valid) => Assert.Equal(valid, Validators.RrnChecksum(D(rrn)));

    [Theory]
    [InlineData("911124-5678906", true)]
    [InlineData("050912-6000012", true)]
    [InlineData("911124-5678901", false)]
    public void Frn_checksum_matches_the_spec_vectors(string frn, bool valid) => Assert.Equal(valid, Validators.FrnChecksum(D(frn)));

    // Our own vectors, computed with the published rule (weights 1,2,1,2,…, plain products, (10 − sum mod 10) mod 10).
    [Theory]
    [InlineData("110111-0123458", true)]
    [InlineData("134811-0007775", true)]
    [InlineData("284611-0567897", true)]
    [InlineData("110111-2345670", true)]
    [InlineData("110111-2345671", false)]
    [InlineData("960121-1021413", false)] // a resident number is no corporate one
    [InlineData("110111-012345", false)] // 12 digits
    public void Crn_checksum_weights_one_and_two(string crn, bool valid) => Assert.Equal(valid, Validators.CrnChecksum(D(crn)));

    [Theory]
    [InlineData("201001-3000000", true)] // born October 2020: issued with random digits
    [InlineData("211231-8000000", true)]
    [InlineData("200930-4000000", false)] // September 2020: the old check digit applied
    [InlineData("051231-3000000", false)]
    [InlineData("960121-1021413", false)] // born in the 1900s
    public void Numbers_of_those_born_since_October_2020_have_no_check_digit(string value, bool random) =>
        Assert.Equal(random, Validators.IssuedWithRandomDigits(D(value)));

    [Theory]
    [InlineData("960121-1021413", true, false)]
    [InlineData("911124-5678906", true, true)]
    [InlineData("001332-1234567", false, false)] // month 13
    [InlineData("000229-3000000", true, false)] // 2000 is a leap year
    [InlineData("010229-3000000", false, false)] // 2001 is not
    [InlineData("960121-0000000", false, false)] // G 0/9: born in the 1800s, nobody alive
    [InlineData("991231-3000000", false, false)] // born 2099: after the scan date
    [InlineData("960121-9000000", false, false)]
    public void Registration_shape_checks_date_and_gender_digit(string value, bool ok, bool foreigner)
    {
        Assert.Equal(ok, Validators.TryRegistrationShape(D(value), DetectionHelper.ScanDate, out var f));
        if (ok)
        {
            Assert.Equal(foreigner, f);
        }
    }

    [Theory]
    [InlineData("104-86-56659", true)]
    [InlineData("104-82-13138", true)]
    [InlineData("104-86-56658", false)]
    [InlineData("000-86-56659", false)] // tax office code below 101
    public void Brn_checksum_matches_the_spec_vectors(string brn, bool valid) => Assert.Equal(valid, Validators.Brn(D(brn)));

    [Theory]
    [InlineData("4111111111111111", true, CardIssuer.Visa)]
    [InlineData("4111111111111112", false, CardIssuer.Visa)]
    [InlineData("5500000000000004", true, CardIssuer.Mastercard)]
    [InlineData("2221000000000009", true, CardIssuer.Mastercard)]
    [InlineData("378282246310005", true, CardIssuer.Amex)]
    [InlineData("3530111333300000", true, CardIssuer.Jcb)]
    [InlineData("6011111111111117", true, CardIssuer.Discover)]
    [InlineData("6200000000000005", true, CardIssuer.UnionPay)]
    [InlineData("30569309025904", true, CardIssuer.Diners)]
    [InlineData("9410123456789010", true, CardIssuer.KoreanDomestic)]
    [InlineData("1234567812345670", true, CardIssuer.None)]
    [InlineData("2023110512345678", false, CardIssuer.None)]
    public void Cards_need_luhn_and_a_known_prefix(string number, bool luhn, CardIssuer issuer)
    {
        Assert.Equal(luhn, Validators.Luhn(D(number)));
        Assert.Equal(issuer, Validators.CardIssuerOf(D(number)));
    }

    [Theory]
    [InlineData("11", true)]
    [InlineData("26", true)]
    [InlineData("28", true)]
    [InlineData("27", false)]
    [InlineData("10", false)]
    [InlineData("29", false)]
    public void Driver_licence_region_codes(string region, bool ok) => Assert.Equal(ok, Validators.DriverRegion(D(region + "0000000000")));
}
