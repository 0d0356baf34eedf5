#include "virt/config_syntax.h"

#include <catch2/catch.hpp>

namespace hakit::virt {
namespace {

int error_line(std::string_view text) {
  try {
    parse_config_syntax(text);
  } catch (const ConfigError& error) {
    return error.line;
  }
  return -1;
}

std::string error_message(std::string_view text) {
  try {
    parse_config_syntax(text);
  } catch (const ConfigError& error) {
    return error.message;
  }
  return "";
}

TEST_CASE("config syntax reads strings, numbers and lists with their lines", "[virt]") {
  const auto settings = parse_config_syntax(
      "# comment\n"
      "name = \"vm01\"   # trailing comment\n"
      "memory=512\n"
      "kernel = '/boot/vmlinuz'\n"
      "disk = [ 'phy:/dev/vg/lv,xvda,w',\n"
      "         # a comment inside the list\n"
      "         'file:/srv/x.img,xvdb,r', ]\n"
      "vif = []\n");
  REQUIRE(settings.size() == 5);
  CHECK(settings[0].key == "name");
  CHECK(settings[0].value.text == "vm01");
  CHECK(settings[0].line == 2);
  CHECK(settings[1].value.text == "512");
  CHECK(settings[2].value.text == "/boot/vmlinuz");
  CHECK(settings[3].value.is_list);
  REQUIRE(settings[3].value.items.size() == 2);
  CHECK(settings[3].value.items[0].text == "phy:/dev/vg/lv,xvda,w");
  CHECK(settings[3].value.items[0].line == 5);
  CHECK(settings[3].value.items[1].line == 7);
  CHECK(settings[4].value.is_list);
  CHECK(settings[4].value.items.empty());
}

TEST_CASE("config syntax takes semicolons, escapes, Python booleans and the last assignment",
          "[virt]") {
  const auto settings = parse_config_syntax(
      "a = 1; b = 'x'\n"
      "c = \"say \\\"hi\\\"\\tthere\\\\\"\n"
      "d = True\n"
      "e = False;\n"
      "a = 2\n"
      "f = -3600\n"
      "g = 0x1f\n");
  REQUIRE(settings.size() == 7);
  CHECK(settings[0].key == "a");
  CHECK(settings[0].value.text == "2");
  CHECK(settings[0].line == 5);
  CHECK(settings[1].value.text == "x");
  CHECK(settings[2].value.text == "say \"hi\"\tthere\\");
  CHECK(settings[3].value.text == "1");
  CHECK(settings[4].value.text == "0");
  CHECK(settings[5].value.text == "-3600");
  CHECK(settings[6].value.text == "0x1f");
}

TEST_CASE("config syntax appends with +=", "[virt]") {
  const auto settings = parse_config_syntax(
      "extra = 'console=hvc0'\n"
      "extra += ' quiet'\n"
      "disk = ['a,xvda']\n"
      "disk += ['b,xvdb']\n"
      "vif += ['bridge=br0']\n");
  REQUIRE(settings.size() == 3);
  CHECK(settings[0].value.text == "console=hvc0 quiet");
  REQUIRE(settings[1].value.items.size() == 2);
  CHECK(settings[1].value.items[1].text == "b,xvdb");
  CHECK(settings[2].value.items.size() == 1);
  CHECK(error_line("disk = ['a']\ndisk += 'b'\n") == 2);
}

TEST_CASE("config syntax accepts continuation lines, CRLF and an empty file", "[virt]") {
  CHECK(parse_config_syntax("").empty());
  CHECK(parse_config_syntax("\n\n# only comments\n;\n").empty());
  const auto settings = parse_config_syntax("name = \\\n  'vm'\r\nmemory = 64\r\n");
  REQUIRE(settings.size() == 2);
  CHECK(settings[0].value.text == "vm");
  CHECK(settings[1].line == 3);
}

TEST_CASE("config syntax errors name the line at fault", "[virt]") {
  // unterminated string: the line where it opens
  CHECK(error_line("name = 'vm01'\nkernel = \"/boot/vmlinuz\n") == 2);
  CHECK(error_message("kernel = \"/boot/vmlinuz\n").find("unterminated string") !=
        std::string::npos);
  // unterminated list at the end of the file: the line where it opens
  CHECK(error_line("name = 'vm'\ndisk = [ 'a,xvda',\n  'b,xvdb',\n") == 2);
  // a list that runs into the next setting: the line of the unexpected text
  CHECK(error_line("disk = [ 'a,xvda'\nname = 'vm'\n") == 2);
  CHECK(error_line("name = 'vm'\n= 5\n") == 2);
  CHECK(error_line("name = 'vm'\n9lives = 5\n") == 2);
  CHECK(error_line("name 'vm'\n") == 1);
  CHECK(error_line("name = \n") == 1);
  CHECK(error_line("\n\nname = vm01\n") == 3);
  CHECK(error_message("name = vm01").find("quote strings") != std::string::npos);
  CHECK(error_line("import os\nname='x'\n") == 1);
  CHECK(error_line("a = 'x' + 'y'\n") == 1);
  CHECK(error_line("a = 'x' 'y'\n") == 1);
  CHECK(error_line("disk = [\n ['nested'] ]\n") == 2);
  CHECK(error_line("a = 'tab\\tok'\nb = 'bell\x07'\n") == 2);
  CHECK(error_line("a = 'ok'\nb = '\xff\xfe'\n") == 2);
  CHECK(error_line("a = 1\nb = 2 c = 3\n") == 2);
}

TEST_CASE("config syntax keeps valid UTF-8 in strings", "[virt]") {
  const auto settings = parse_config_syntax("description = 'Gäste – 日本'\n");
  CHECK(settings.at(0).value.text == "Gäste – 日本");
}

}  // namespace
}  // namespace hakit::virt
