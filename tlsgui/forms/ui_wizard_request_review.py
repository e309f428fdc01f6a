# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_request_review.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from tlsgui.widgets.job_progress import JobProgress

class Ui_WizardRequestReviewPage(object):
    def setupUi(self, WizardRequestReviewPage):
        if not WizardRequestReviewPage.objectName():
            WizardRequestReviewPage.setObjectName(u"WizardRequestReviewPage")
        WizardRequestReviewPage.resize(640, 420)
        self.review_layout = QVBoxLayout(WizardRequestReviewPage)
        self.review_layout.setObjectName(u"review_layout")
        self.review_progress = JobProgress(WizardRequestReviewPage)
        self.review_progress.setObjectName(u"review_progress")

        self.review_layout.addWidget(self.review_progress)

        self.summary_text = QPlainTextEdit(WizardRequestReviewPage)
        self.summary_text.setObjectName(u"summary_text")
        self.summary_text.setReadOnly(True)
        self.summary_text.setLineWrapMode(QPlainTextEdit.NoWrap)

        self.review_layout.addWidget(self.summary_text)

        self.warnings_label = QLabel(WizardRequestReviewPage)
        self.warnings_label.setObjectName(u"warnings_label")
        self.warnings_label.setWordWrap(True)

        self.review_layout.addWidget(self.warnings_label)

        self.review_error = QLabel(WizardRequestReviewPage)
        self.review_error.setObjectName(u"review_error")
        self.review_error.setWordWrap(True)

        self.review_layout.addWidget(self.review_error)

        self.retry_layout = QHBoxLayout()
        self.retry_layout.setObjectName(u"retry_layout")
        self.retry_button = QPushButton(WizardRequestReviewPage)
        self.retry_button.setObjectName(u"retry_button")

        self.retry_layout.addWidget(self.retry_button)

        self.retry_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.retry_layout.addItem(self.retry_spacer)


        self.review_layout.addLayout(self.retry_layout)


        self.retranslateUi(WizardRequestReviewPage)

        QMetaObject.connectSlotsByName(WizardRequestReviewPage)
    # setupUi

    def retranslateUi(self, WizardRequestReviewPage):
        WizardRequestReviewPage.setTitle(QCoreApplication.translate("WizardRequestReviewPage", u"Review the request", None))
        WizardRequestReviewPage.setSubTitle(QCoreApplication.translate("WizardRequestReviewPage", u"The key and the request are made in the background. Next saves the key in the project and shows the request.", None))
        self.warnings_label.setText("")
        self.review_error.setText("")
        self.retry_button.setText(QCoreApplication.translate("WizardRequestReviewPage", u"&Generate again", None))
    # retranslateUi

