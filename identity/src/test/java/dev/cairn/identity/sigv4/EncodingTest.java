package dev.cairn.identity.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical forms of paths, queries and header values, and the two time formats. */
class EncodingTest {

    @ParameterizedTest(name = "path {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|/",
        "/|/",
        "/test.txt|/test.txt",
        "/test$file.text|/test%24file.text",
        "/test%24file.text|/test%24file.text",
        "/a b|/a%20b",
        "/a%20b|/a%20b",
        "/a+b|/a%2Bb",
        "/a%2Bb|/a%2Bb",
        "/a%2fb/c|/a%2Fb/c",
        "/%7Euser/%41|/~user/A",
        "/100%|/100%25",
        "/100%zz|/100%25zz",
        "/a//b/../c/./d|/a//b/../c/./d",
        "/pr%c3%a9f%c3%a8re|/pr%C3%A9f%C3%A8re",
        "/préfère|/pr%C3%A9f%C3%A8re",
        "/😀|/%F0%9F%98%80",
        "/a:b@c!d*e'f(g)h;i,j=k&l|/a%3Ab%40c%21d%2Ae%27f%28g%29h%3Bi%2Cj%3Dk%26l"
    })
    void canonicalPath(String raw, String canonical) {
        assertEquals(canonical, UriEncoding.canonicalPath(raw));
    }

    @ParameterizedTest(name = "query {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|''",
        "lifecycle|lifecycle=",
        "max-keys=2&prefix=J|max-keys=2&prefix=J",
        "prefix=J&max-keys=2|max-keys=2&prefix=J",
        "a=2&a=1&a=10|a=1&a=10&a=2",
        "prefix=a+b|prefix=a%20b",
        "prefix=a%20b|prefix=a%20b",
        "prefix=a%2Bb|prefix=a%2Bb",
        "prefix=a/b~c|prefix=a%2Fb~c",
        "prefix=%7e|prefix=~",
        "prefix=%c3%a9|prefix=%C3%A9",
        "x=é|x=%C3%A9",
        "b=1&&a=2&|a=2&b=1",
        "a=b=c|a=b%3Dc",
        "=v|=v",
        "A=1&a-b=1&a=1&a_b=1|A=1&a=1&a-b=1&a_b=1"
    })
    void canonicalQuery(String raw, String canonical) {
        assertEquals(canonical, QueryParameters.parse(raw).canonical(null));
    }

    @ParameterizedTest(name = "decoded {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "abc|abc",
        "a+b|a b",
        "a%2Bb|a+b",
        "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request|AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
        "%C3%A9|é",
        "100%|100%",
        "%zz|%zz"
    })
    void decodedQueryValue(String raw, String decoded) {
        assertEquals(decoded, UriEncoding.decodeQueryComponent(raw));
    }

    @ParameterizedTest(name = "header value [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-9|bytes=0-9",
        "'  bytes=0-9 '|bytes=0-9",
        "'a   b\t\tc'|a b c",
        "'\"a  b\"'|'\"a b\"'",
        "''|''"
    })
    void trimmedHeaderValue(String value, String canonical) {
        StringBuilder out = new StringBuilder();
        CanonicalRequest.appendTrimmed(out, value);
        assertEquals(canonical, out.toString());
    }

    @ParameterizedTest(name = "x-amz-date {0}")
    @CsvSource(delimiter = '|', value = {
        "20130524T000000Z|2013-05-24T00:00:00Z",
        "20241231T235959Z|2024-12-31T23:59:59Z",
        "20130524T000000|",
        "2013-05-24T00:00:00Z|",
        "20131324T000000Z|",
        "20130524T250000Z|",
        "2013052AT000000Z|",
        "20130524X000000Z|"
    })
    void isoBasicTime(String value, String expected) {
        Instant parsed = AmzDates.parseIsoBasic(value);
        if (expected == null) {
            assertNull(parsed);
        } else {
            assertEquals(Instant.parse(expected), parsed);
            assertEquals(value, AmzDates.formatIsoBasic(parsed));
        }
    }

    /** The weekday is not checked (2010-07-07 was a Wednesday); times before 1970 are no times. */
    @ParameterizedTest(name = "Date {0}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 24 May 2013 00:00:00 GMT|2013-05-24T00:00:00Z",
        "Tue, 27 Mar 2007 19:36:42 +0000|2007-03-27T19:36:42Z",
        "Tue, 27 Mar 2007 21:36:42 +0200|2007-03-27T19:36:42Z",
        "20130524T000000Z|2013-05-24T00:00:00Z",
        "Tue, 07 Jul 2010 21:53:04 GMT|2010-07-07T21:53:04Z",
        "07 Jul 2010 21:53:04 GMT|2010-07-07T21:53:04Z",
        "Tue, 07 Jul 9999 21:53:04 GMT|9999-07-07T21:53:04Z",
        "Tue, 07 Jul 1950 21:53:04 GMT|",
        "Bad Date|",
        "|",
        "yesterday|",
        "2013-05-24|"
    })
    void httpDate(String value, String expected) {
        Instant parsed = AmzDates.parseHttpDate(value == null ? "" : value);
        assertEquals(expected == null ? null : Instant.parse(expected), parsed);
    }
}
