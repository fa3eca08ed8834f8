# Copyright: sesmon.ses contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
#
# Evaluates (range, value) pairs with Centreon's real centreon/plugins/perfdata.pm, the way the
# SES emails mode does (threshold_validate, threshold_check, get_perfdata_for_output).
# Input, one pair a line: <range as hex of its bytes> <value as hex of its big-endian IEEE double>
# Output, one line a pair: "invalid", or "<ok|warning>\t<perfdata threshold field>".
use strict;
use warnings;
use lib '/usr/lib/centreon-plugins/';
use centreon::plugins::perfdata;

# perfdata.pm reads only option_results->{float_precision} from the output object (output.pm default 8).
my $output = bless { option_results => { float_precision => 8 } }, 'FakeOutput';
my $perfdata = centreon::plugins::perfdata->new(output => $output);

$| = 1;
while (my $line = <STDIN>) {
    chomp $line;
    my ($range_hex, $value_hex) = split / /, $line;
    my $range = pack('H*', $range_hex);
    my $value = unpack('d>', pack('H16', $value_hex));
    my $valid = $perfdata->threshold_validate(label => 'warning-x', value => $range);
    if (!$valid) {
        print "invalid\n";
        next;
    }
    my $state = $perfdata->threshold_check(value => $value, threshold => [ { label => 'warning-x', exit_litteral => 'warning' } ]);
    print $state, "\t", $perfdata->get_perfdata_for_output(label => 'warning-x'), "\n";
}
