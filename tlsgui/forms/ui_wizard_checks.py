# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_checks.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QListWidget, QVBoxLayout)

class Ui_WizardChecksPage(object):
    def setupUi(self, WizardChecksPage):
        if not WizardChecksPage.objectName():
            WizardChecksPage.setObjectName(u"WizardChecksPage")
        WizardChecksPage.resize(640, 420)
        self.checks_layout = QVBoxLayout(WizardChecksPage)
        self.checks_layout.setObjectName(u"checks_layout")
        self.checks_summary = QLabel(WizardChecksPage)
        self.checks_summary.setObjectName(u"checks_summary")
        self.checks_summary.setWordWrap(True)

        self.checks_layout.addWidget(self.checks_summary)

        self.checks_list = QListWidget(WizardChecksPage)
        self.checks_list.setObjectName(u"checks_list")
        self.checks_list.setWordWrap(True)
        self.checks_list.setFocusPolicy(Qt.NoFocus)
        self.checks_list.setAlternatingRowColors(False)
        self.checks_list.setSelectionMode(QAbstractItemView.NoSelection)
        self.checks_list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)

        self.checks_layout.addWidget(self.checks_list)

        self.blocked_label = QLabel(WizardChecksPage)
        self.blocked_label.setObjectName(u"blocked_label")
        self.blocked_label.setWordWrap(True)

        self.checks_layout.addWidget(self.blocked_label)


        self.retranslateUi(WizardChecksPage)

        QMetaObject.connectSlotsByName(WizardChecksPage)
    # setupUi

    def retranslateUi(self, WizardChecksPage):
        WizardChecksPage.setTitle(QCoreApplication.translate("WizardChecksPage", u"Checks before installing", None))
        WizardChecksPage.setSubTitle(QCoreApplication.translate("WizardChecksPage", u"\u2714 OK passed, \u26a0 Warning is worth reading, \u2718 Error blocks the install. Finish writes key.pem and cert.pem after a backup.", None))
        self.checks_summary.setText("")
        self.blocked_label.setText("")
    # retranslateUi

