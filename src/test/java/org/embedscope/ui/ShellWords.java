package org.embedscope.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does for the quoting the explorer prints: single
 * quotes, double quotes, backslashes, and a {@code #} comment from a word's start to the line's end.
 * Refuses what a shell would not take as one command (an unclosed quote, a bare parenthesis or ';').
 */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (c == '#' && word == null) {
                break;
            } else if ("()<>;&|`".indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + c + "' at " + i + " is shell syntax, not part of a word: " + line);
            } else {
                if (word == null) word = new StringBuilder();
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) throw new IllegalArgumentException("unclosed ' at " + i + ": " + line);
                    word.append(line, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    int j = i + 1;
                    for (; j < line.length() && line.charAt(j) != '"'; j++) {
                        if (line.charAt(j) == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) j++;
                        else if (line.charAt(j) == '$' || line.charAt(j) == '`') throw new IllegalArgumentException("expansion in \"\": " + line);
                        word.append(line.charAt(j));
                    }
                    if (j >= line.length()) throw new IllegalArgumentException("unclosed \" at " + i + ": " + line);
                    i = j;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == '$' || c == '*' || c == '?' || c == '~' && word.length() == 0) {
                    throw new IllegalArgumentException("'" + c + "' unquoted at " + i + " would be expanded: " + line);
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }
}
