package org.embedscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} reads well in an 80-column terminal: no line is longer, prose wraps
 * as picocli wraps a whole paragraph (no line broken before a word that would have fit on it: the
 * ragged left-overs of lines broken by hand for another width), and examples are not wrapped.
 */
class HelpTextTest {
    private static final int WIDTH = 80;
    /** Sections of flush-left prose and indented examples. */
    private static final Set<String> PROSE = Set.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
    /** Sections of entries: a label, then its text in a column, continued further in. */
    private static final Set<String> TABLES = Set.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
    /** An entry's first line: its label, two or more spaces, its text (absent when the label is too long for the column). */
    private static final Pattern ENTRY = Pattern.compile("^( {2,}\\S.*?)(?: {2,}(\\S.*))?$");

    @Test
    void everyCommandsHelpFitsEightyColumnsWithoutRaggedLines() {
        List<String> problems = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(List.of(Main.commandLine()));
        for (int c = 0; c < commands.size(); c++) {
            CommandLine cl = commands.get(c);
            String name = cl.getCommandSpec().qualifiedName();
            for (CommandLine sub : cl.getSubcommands().values()) {
                // picocli's own help command: its two sentences are two lines of its own.
                if (!(sub.getCommand() instanceof CommandLine.HelpCommand) && !commands.contains(sub)) commands.add(sub);
            }
            String usage = cl.getUsageMessage();
            for (String line : usage.split("\n", -1)) {
                if (line.length() > WIDTH) problems.add(name + ": longer than " + WIDTH + ": " + line);
            }
            CommandLine.Help help = cl.getHelp();
            for (Map.Entry<String, CommandLine.IHelpSectionRenderer> s : cl.getHelpSectionMap().entrySet()) {
                List<String> lines = List.of(s.getValue().render(help).split("\n"));
                if (PROSE.contains(s.getKey())) prose(name, lines, problems);
                else if (TABLES.contains(s.getKey())) table(name, lines, problems);
            }
        }
        assertTrue(commands.size() > 10, "every command: " + commands.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Flush-left paragraphs and indented examples (an example's own lines end in '\' or are indented further). */
    private static void prose(String name, List<String> lines, List<String> problems) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            String l = lines.get(i), next = lines.get(i + 1);
            if (l.isBlank() || next.isBlank()) continue;
            if (indent(l) == 0 && indent(next) == 0) ragged(name, l, next, problems);
            if (indent(l) > 0 && indent(next) == 0) problems.add(name + ": an example wrapped, or prose right after one: " + l + " / " + next);
        }
    }

    /** Entries: each text line continued by the next while that one is further in than an entry's label. */
    private static void table(String name, List<String> lines, List<String> problems) {
        int column = -1;
        for (int i = 0; i + 1 < lines.size(); i++) {
            String l = lines.get(i), next = lines.get(i + 1);
            Matcher m = ENTRY.matcher(l);
            boolean labelOnly = m.matches() && m.group(2) == null && indent(l) < 8;
            if (m.matches() && m.group(2) != null && indent(l) < 8) column = m.start(2);
            if (labelOnly || next.isBlank() || column < 0 || indent(next) < column) continue;
            if (indent(next) != column + 2) problems.add(name + ": a continuation not indented as picocli wraps: " + next);
            ragged(name, l, next, problems);
        }
    }

    /** A line broken before a word that fitted on it (picocli keeps the last column free). */
    private static void ragged(String name, String line, String next, List<String> problems) {
        String word = next.strip().split(" ", 2)[0];
        if (line.stripTrailing().length() + 1 + word.length() <= WIDTH - 1) problems.add(name + ": ragged: '" + line + "' before '" + word + "'");
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }
}
