using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternCidrTests
{
    [Theory]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.0.0.255", true)]
    [InlineData("10.0.1.0", false)]
    [InlineData("9.255.255.255", false)]
    [InlineData("010.000.000.007", true)]
    [InlineData("10.0.0.256", false)]
    [InlineData("10.0.0", false)]
    [InlineData("10.0.0.1 ", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("host.example", false)]
    public void An_ipv4_block_matches_addresses_inside_it(string ip, bool expected) =>
        Assert.Equal(expected, Matches("""{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}""", $$"""{"sourceIPAddress":"{{ip}}"}"""));

    [Theory]
    [InlineData("2001:db8::", true)]
    [InlineData("2001:DB8:0:0:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:0:1::", false)]
    [InlineData("10.0.0.1", false)]
    public void An_ipv6_block_matches_addresses_inside_it_and_never_ipv4(string ip, bool expected) =>
        Assert.Equal(expected, Matches("""{"ip":[{"cidr":"2001:db8::/64"}]}""", $$"""{"ip":"{{ip}}"}"""));

    [Theory]
    [InlineData("172.16.0.0", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.0", false)]
    [InlineData("172.15.255.255", false)]
    public void A_prefix_length_that_splits_a_byte_compares_only_its_bits(string ip, bool expected) =>
        Assert.Equal(expected, Matches("""{"ip":[{"cidr":"172.16.5.9/12"}]}""", $$"""{"ip":"{{ip}}"}"""));

    [Fact]
    public void A_zero_length_prefix_matches_every_address_of_its_family()
    {
        Assert.True(Matches("""{"ip":[{"cidr":"0.0.0.0/0"}]}""", """{"ip":"203.0.113.7"}"""));
        Assert.False(Matches("""{"ip":[{"cidr":"0.0.0.0/0"}]}""", """{"ip":"::1"}"""));
        Assert.False(Matches("""{"ip":[{"cidr":"0.0.0.0/0"}]}""", """{"ip":167772161}"""));
    }
}
